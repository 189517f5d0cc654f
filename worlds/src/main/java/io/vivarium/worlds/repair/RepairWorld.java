package io.vivarium.worlds.repair;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import io.vivarium.worlds.repair.Corpus.Split;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The repair world: each episode shows a damaged passage on the {@code text} channel and takes
 * one answer on the {@code text} channel — the repaired passage, a unified diff against the
 * damaged one, or an {@link Edit} ({@code -OLD} and {@code +NEW} lines). The answer is scored ({@link Score}) and the episode ends; the last observation
 * shows the clean passage.
 *
 * <p>A diff or an edit that does not apply is an ordinary failed outcome: the answer counts as the
 * unchanged damaged passage (reward 0) and {@code info.answer} says {@code diff-rejected} or
 * {@code edit-rejected}.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class RepairWorld implements World {
  private final EpisodeMaker maker;
  private final Spec spec;
  private Episode episode;
  private boolean done = true;

  /** A world of {@code preset} over {@code corpus}, drawing passages from {@code split}. */
  public RepairWorld(RepairPreset preset, Corpus corpus, Split split) {
    this.maker = new EpisodeMaker(preset, corpus, split);
    int promptBytes = maker.maxPromptBytes();
    int answerBytes = 8 * (corpus.maxPassageChars() + EpisodeMaker.GROWTH);
    this.spec = new Spec("repair", preset.name(), Map.of(Channel.TEXT, promptBytes), 0, 0,
        Channel.TEXT, answerBytes, new byte[0], 1);
  }

  /** A training world of {@code preset} over the built-in corpus at the preset's passage length. */
  public RepairWorld(RepairPreset preset) {
    this(preset, preset.builtInCorpus(), Split.TRAIN);
  }

  /** How an answer was read and scored. */
  public record Outcome(String repaired, Score score, String kind, String reason) {}

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Observation reset(long seed) {
    episode = maker.make(seed);
    done = false;
    return Observation.of(Channel.TEXT, episode.prompt().getBytes(StandardCharsets.UTF_8));
  }

  /** The current (or last) episode; a misuse before the first reset. */
  public Episode episode() {
    if (episode == null) {
      throw new IllegalStateException("reset the repair world before asking for its episode");
    }
    return episode;
  }

  @Override
  public Step step(Action action) {
    if (done) {
      throw new IllegalStateException("the repair episode is over; reset the world first");
    }
    done = true;
    byte[] bytes = action.text();
    if (bytes.length > spec.actionBytes()) {
      bytes = Arrays.copyOf(bytes, spec.actionBytes());
    }
    Outcome o = judge(episode, new String(bytes, StandardCharsets.UTF_8));
    Map<String, String> info = new LinkedHashMap<>();
    info.put("exact", Boolean.toString(o.score().exact()));
    info.put("distance_before", Integer.toString(o.score().before()));
    info.put("distance_after", Integer.toString(o.score().after()));
    info.put("answer", o.kind());
    if (!o.reason().isEmpty()) {
      info.put("reason", o.reason());
    }
    info.put("operations",
        episode.operations().stream().map(Operation::key).collect(Collectors.joining(",")));
    Observation clean = Observation.of(Channel.TEXT, episode.clean().getBytes(StandardCharsets.UTF_8));
    return new Step(clean, o.score().reward(), true, false, info);
  }

  /**
   * Reads {@code answer} (repaired text, a unified diff, or an {@link Edit}) and scores it
   * against {@code e}; a diff or an edit that does not apply counts as the unchanged passage.
   */
  public static Outcome judge(Episode e, String answer) {
    if (Diffs.looksLikeDiff(answer)) {
      return patched(e, Diffs.apply(answer, e.corrupted()), "diff");
    }
    if (Edit.looksLikeEdit(answer)) {
      return patched(e, Edit.apply(answer, e.corrupted()), "edit");
    }
    return new Outcome(answer, Score.of(e.clean(), e.corrupted(), answer), "text", "");
  }

  private static Outcome patched(Episode e, Diffs.Patched p, String kind) {
    return switch (p) {
      case Diffs.Patched.Applied a -> new Outcome(a.text(), Score.of(e.clean(), e.corrupted(), a.text()), kind, "");
      case Diffs.Patched.Rejected r -> new Outcome(e.corrupted(), Score.of(e.clean(), e.corrupted(), e.corrupted()),
          kind + "-rejected", r.reason());
    };
  }
}
