package io.vivarium.worlds.repair;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Outputs;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.Tools;
import io.vivarium.worlds.AnswerBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repair world as a colony lives in it: {@code size} repair instances, each episode one
 * answer. Consecutive groups of a {@link #reset(long, int)} share their passages, so GRPO
 * compares answers to one damaged passage. It knows every instance's good answer, the shortest
 * {@link Edit} that restores the clean passage ({@link TextExpert}); it keeps each group's best
 * answer of a step with the damaged passage, the operations, how the answer was read and the unified diff it amounts to
 * ({@link Outputs}); and it measures the step's {@code mean_reward} and {@code exact_rate}.
 * The reward is a {@link RepairReward}.
 *
 * <p>Instance {@code i}'s episodes are those of a single {@link RepairWorld} of the same preset
 * reset with {@link #episodeSeed(int)}. Not thread-safe: one thread steps it.
 */
public final class RepairBatch extends AnswerBatch implements TextExpert, Tools {
  private static final List<Tool> TOOLS = List.of(
      new Tool("edit", "edit, then -OLD and +NEW lines or a unified diff against the damaged passage"),
      new Tool("rewrite", "rewrite TEXT: the whole repaired passage"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RepairWorld[] worlds;
  private final RepairReward reward;
  private final Observation[] observations;
  private final long[] seeds;
  private final long[] episodes;
  private final String[] outcomes;
  private int group = 1;

  /** A batch of {@code size} training-split instances of {@code preset}, paid by {@code reward}. */
  public RepairBatch(RepairPreset preset, int size, RepairReward reward) {
    super(size);
    this.reward = java.util.Objects.requireNonNull(reward, "reward");
    Corpus corpus = preset.builtInCorpus();
    worlds = new RepairWorld[size];
    for (int i = 0; i < size; i++) {
      worlds[i] = new RepairWorld(preset, corpus, Corpus.Split.TRAIN);
    }
    observations = new Observation[size];
    seeds = new long[size];
    episodes = new long[size];
    outcomes = new String[size];
    Arrays.fill(outcomes, "");
  }

  @Override
  public Spec spec() {
    return worlds[0].spec();
  }

  @Override
  public void reset(long seed, int group) {
    if (group < 1) {
      throw new IllegalArgumentException("reset groups need at least 1 instance; got " + group);
    }
    this.group = group;
    for (int i = 0; i < worlds.length; i++) {
      seeds[i] = Seeds.derive(seed, "instance", i / group);
      episodes[i] = 0;
      observations[i] = worlds[i].reset(Seeds.derive(seeds[i], "episode", 0));
    }
    forgetLastStep();
  }

  @Override
  public void step(Action[] actions) {
    if (actions.length != worlds.length) {
      throw new IllegalArgumentException("a batch of " + worlds.length + " needs as many actions; got " + actions.length);
    }
    if (observations[0] == null) {
      throw new IllegalStateException("reset the batch before stepping it");
    }
    int n = worlds.length;
    byte[][] answers = new byte[n][];
    String[] details = new String[n];
    double exact = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      // 1. Read and pay the answer to the current episode.
      byte[] b = actions[i].text().length > 0 ? actions[i].text() : actions[i].motor();
      answers[i] = b.length <= spec().actionBytes() ? b : Arrays.copyOf(b, spec().actionBytes());
      Episode e = worlds[i].episode();
      RepairWorld.Outcome o = RepairWorld.judge(e, new String(answers[i], StandardCharsets.UTF_8));
      rewards[i] = (float) reward.of(e, o);
      terminated[i] = true;
      truncated[i] = false;
      exact += o.score().exact() ? 1 : 0;
      sum += rewards[i];
      details[i] = details(e, o, rewards[i]);
      outcomes[i] = "answer read as " + o.kind() + (o.reason().isEmpty() ? "" : " (" + o.reason() + ")")
          + "; distance " + o.score().before() + " -> " + o.score().after() + (o.score().exact() ? ", exact" : "");
      // 2. The next episode at once (same-step auto-reset).
      observations[i] = worlds[i].reset(Seeds.derive(seeds[i], "episode", ++episodes[i]));
    }
    List<Output> kept = new ArrayList<>();
    for (int g = 0; g * group < n; g++) {
      int best = g * group;
      for (int i = best + 1; i < Math.min(n, (g + 1) * group); i++) {
        best = rewards[i] > rewards[best] ? i : best;
      }
      kept.add(new Output(best, answers[best], rewards[best], details[best]));
    }
    outputs = kept;
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("mean_reward", sum / n);
    m.put("exact_rate", exact / n);
    measures = m;
  }

  /** What came of an answer, as the zookeeper's outputs panel shows it. */
  static String details(Episode e, RepairWorld.Outcome o, double paid) {
    ObjectNode n = JSON.createObjectNode();
    n.put("world", "repair");
    n.put("damaged", e.corrupted());
    n.put("clean", e.clean());
    n.putArray("operations").addAll(e.diagnosis().stream()
        .map(d -> JSON.getNodeFactory().textNode(d)).toList());
    n.put("answer", o.kind());
    if (!o.reason().isEmpty()) {
      n.put("reason", o.reason());
    }
    n.put("repaired", o.repaired());
    n.put("diff", Diffs.unified(e.corrupted(), o.repaired()));
    n.put("distance_before", o.score().before());
    n.put("distance_after", o.score().after());
    n.put("exact", o.score().exact());
    n.put("reward", paid);
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("repair output JSON: " + ex.getMessage(), ex);
    }
  }

  /** The clean passage of instance {@code i}'s current episode. */
  @Override
  public byte[] expertText(int i) {
    Episode e = worlds[i].episode();
    return Edit.between(e.corrupted(), e.clean()).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code edit} (an edit or a unified diff) and {@code rewrite} (the whole passage). */
  @Override
  public List<Tool> tools() {
    return TOOLS;
  }

  @Override
  public List<Action> call(int i, String tool, String argument) {
    if (!tool.equals("edit") && !tool.equals("rewrite")) {
      throw new IllegalArgumentException("names the tool '" + tool + "', which repair does not have; its tools are"
          + " edit, rewrite and recall");
    }
    if (argument.isBlank()) {
      throw new IllegalArgumentException("calls " + tool + " with nothing; " + TOOLS.get(tool.equals("edit") ? 0 : 1)
          .usage());
    }
    return List.of(Action.text(argument.getBytes(StandardCharsets.UTF_8)));
  }

  /** The damaged passage as it is: an answer that changes nothing (reward 0). */
  @Override
  public Action idle(int i) {
    return Action.text(worlds[i].episode().corrupted().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String task(int i) {
    return worlds[i].episode().corrupted();
  }

  @Override
  public String outcome(int i) {
    return outcomes[i];
  }

  @Override
  public List<String> questions() {
    return List.of(RepairReward.QUESTION);
  }

  /** {@code edit} with the shortest edit that restores the clean passage. */
  @Override
  public String expertCall(int i) {
    return "edit\n" + new String(expertText(i), StandardCharsets.UTF_8);
  }

  @Override
  public long episodeSeed(int i) {
    if (observations[i] == null) {
      throw new IllegalStateException("reset the batch before reading it");
    }
    return Seeds.derive(seeds[i], "episode", episodes[i]);
  }

  @Override
  public Observation observation(int i) {
    return observations[i];
  }

  @Override
  public void close() {
    for (RepairWorld w : worlds) {
      w.close();
    }
  }
}
