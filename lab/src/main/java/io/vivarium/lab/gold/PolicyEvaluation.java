package io.vivarium.lab.gold;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.learn.Evaluation;
import io.vivarium.core.Progress;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A brain's policy on held-out episodes of a world with one-byte actions, beside the world's
 * expert on the same episodes when it has one: the lines {@code episodes}, {@code mean_return},
 * {@code success_rate}, then {@code expert_mean_return} and {@code optimal_ratio}.
 *
 * <p>Stateless; a call evaluates on the caller's thread.
 */
public final class PolicyEvaluation {
  /** Worlds stepped together. */
  private static final int BATCH = 32;

  private PolicyEvaluation() {}

  /**
   * Evaluates {@code brain} on about {@code episodes} episodes of {@code preset} of world
   * {@code factory} (whole batches of up to {@value #BATCH}) from {@code seed}, greedy or
   * {@code sample}d; the result lines go to {@code lines}.
   */
  public static void run(TorchBrain brain, WorldFactory factory, String preset, int episodes, long seed,
      boolean sample, Consumer<String> lines) {
    run(brain, factory, preset, episodes, seed, sample, lines, Progress.Tracker.NONE);
  }

  /** {@link #run(TorchBrain, WorldFactory, String, int, long, boolean, Consumer)}, the brain's episodes reported to {@code progress}. */
  public static void run(TorchBrain brain, WorldFactory factory, String preset, int episodes, long seed,
      boolean sample, Consumer<String> lines, Progress.Tracker progress) {
    if (episodes < 1) {
      throw new IllegalArgumentException("episodes must be at least 1; got " + episodes);
    }
    int size = Math.min(BATCH, episodes);
    int each = (episodes + size - 1) / size;
    try (WorldBatch b = factory.batch(preset, size); WorldBatch e = factory.batch(preset, size)) {
      Evaluation.Result r;
      try (Progress p = progress.start("eval " + preset, (long) each * size, "episodes")) {
        r = Evaluation.brain(brain, b, Encoding.forSpec(b.spec()), each, seed, sample, p);
      }
      lines.accept("policy: " + (sample ? "sampled" : "greedy"));
      report(r, e instanceof Expert ? Evaluation.expert(e, each, seed) : null, lines);
    }
  }

  /** The result lines of {@code r}, with the expert's when {@code expert} is not null. */
  static void report(Evaluation.Result r, Evaluation.Result expert, Consumer<String> lines) {
    lines.accept("episodes: " + r.episodes());
    lines.accept(String.format(Locale.ROOT, "mean_return: %.4f", r.meanReturn()));
    lines.accept(String.format(Locale.ROOT, "success_rate: %.4f", r.successRate()));
    if (expert != null) {
      lines.accept(String.format(Locale.ROOT, "expert_mean_return: %.4f", expert.meanReturn()));
      lines.accept(String.format(Locale.ROOT, "optimal_ratio: %.4f", r.meanReturn() / expert.meanReturn()));
    }
  }
}
