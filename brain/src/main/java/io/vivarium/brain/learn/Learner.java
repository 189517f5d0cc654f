package io.vivarium.brain.learn;

import io.vivarium.core.config.LearnMethod;
import java.util.function.BooleanSupplier;

/**
 * Updates a brain from what it did: the second phase of CleanRL's loop. The loop's owner (the
 * colony, or a train command) collects a {@link Rollout} by acting, then hands it here; the
 * learner takes gradient steps and says what they did in {@link Stats}. A learner holds its
 * optimizer and whatever it carries across rollouts (cloning's buffer of labelled states), never
 * the worlds.
 *
 * <p>Not thread-safe: one thread drives a learner. Backward passes record gradients
 * per thread ({@link io.vivarium.brain.Autograd}), so learners of different brains may update at once.
 */
public interface Learner extends AutoCloseable {
  /** The method it learns by ({@code ppo}, {@code bc}, …, as {@code learn.method} and checkpoints spell it). */
  LearnMethod method();

  /** What the learner asks of the loop while it collects a rollout. */
  Needs needs();

  /**
   * Learns from a full rollout. {@code stopping} is asked before every gradient step: when it
   * says true, the update ends with the steps applied so far (each one whole).
   */
  Stats update(Rollout rollout, BooleanSupplier stopping);

  /** Learns from a full rollout, to the end. */
  default Stats update(Rollout rollout) {
    return update(rollout, () -> false);
  }

  /**
   * Where a learner whose loss looks at the colony's byte distribution (GRPO's colony-histogram
   * term) reads it: 256 counts. Others ignore it.
   */
  default void colonyCounts(java.util.function.Supplier<long[]> counts) {}

  /** The optimizer's moments and step counter as bytes (see {@link AdamW#exportState()}). */
  byte[] optimizerState();

  /**
   * Continues from an optimizer state saved by {@link #optimizerState()}.
   *
   * @throws IllegalArgumentException when it does not fit this brain; the optimizer stays fresh
   */
  void restoreOptimizer(byte[] state);

  /** Gradient steps applied (across restores). */
  int optimizerSteps();

  /** Releases the optimizer's native memory; idempotent. */
  @Override
  void close();

  /**
   * What a learner asks of the loop.
   *
   * @param expertLabels every state labelled with the world's expert move (one-byte worlds: the
   *     {@link io.vivarium.core.world.Expert} capability) or answer (sequence worlds: the
   *     {@link io.vivarium.core.world.TextExpert} capability)
   * @param brainDriven how many of the batch's instances the brain plays; the expert plays the
   *     rest (only with {@code expertLabels}); episodes of the brain-driven ones are the agent's
   * @param oneByte whether the learner needs a world with a one-byte action alphabet
   * @param group consecutive instances that should share their episodes' starts (the batch is
   *     reset by groups of this size, see {@link io.vivarium.core.world.WorldBatch#reset(long, int)}); 1 for none
   * @param bootstrap whether the rollout must end with the value estimates of what the worlds
   *     show after its last step ({@link Collector#finish}; PPO bootstraps from them)
   */
  record Needs(boolean expertLabels, int brainDriven, boolean oneByte, int group, boolean bootstrap) {
    /** The brain plays every instance; no labels, no groups, no bootstrap values. */
    public static Needs play(int instances, boolean oneByte) {
      return new Needs(false, instances, oneByte, 1, false);
    }
  }
}
