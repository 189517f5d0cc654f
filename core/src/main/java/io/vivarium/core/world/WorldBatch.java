package io.vivarium.core.world;

import java.util.function.Supplier;

/**
 * Many instances of one world stepped together, the form learners and the colony use.
 *
 * <p>After {@link #step}, the arrays {@link #rewards()}, {@link #terminated()} and
 * {@link #truncated()} hold each instance's result; they are owned by the batch and
 * overwritten by the next step. An instance whose episode ended is reset at once to its next
 * episode (seeded from its own stream), so {@link #observation(int)} is already the new
 * episode's first observation — the same-step auto-reset of Stable-Baselines3.
 *
 * <p>Not thread-safe: one thread drives a batch (an implementation may use more internally).
 */
public interface WorldBatch extends AutoCloseable {
  /** The spec shared by every instance. */
  Spec spec();

  /** Number of instances. */
  int size();

  /** Resets every instance; instance {@code i}'s episodes follow from {@code seed} and {@code i}. */
  void reset(long seed);

  /**
   * Resets every instance so that consecutive groups of {@code group} instances share one
   * stream of episodes: the k-th episode of every member of a group starts alike (GRPO compares
   * them). {@code group = 1} is {@link #reset(long)}. The default, for batches that cannot,
   * resets as {@link #reset(long)}.
   */
  default void reset(long seed, int group) {
    reset(seed);
  }

  /** Steps instance {@code i} with {@code actions[i]}, resetting finished instances. */
  void step(Action[] actions);

  /** Fast path for one-byte motor actions; the default wraps them in cached actions. */
  default void step(byte[] motor) {
    Action[] actions = new Action[size()];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = Action.motor(motor[i]);
    }
    step(actions);
  }

  /** What instance {@code i} perceives now. */
  Observation observation(int i);

  /** Rewards of the last step, one per instance. */
  float[] rewards();

  /** Whether each instance's last step ended its episode by termination. */
  boolean[] terminated();

  /** Whether each instance's last step ended its episode by truncation. */
  boolean[] truncated();

  /**
   * The seed of instance {@code i}'s current episode: {@code World.reset(seed)} on a single world
   * of the same preset (and curriculum level, where the world has one) starts the same episode,
   * so that a recorded episode can be replayed exactly.
   *
   * @throws UnsupportedOperationException when the batch cannot tell (the default)
   */
  default long episodeSeed(int i) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not expose episode seeds");
  }

  /**
   * The level instance {@code i}'s current episode started at, for worlds with a curriculum
   * (gold: the gold radius, 0 = anywhere); a replay sets the single world to it before
   * {@code reset(episodeSeed(i))}. The default, for worlds without levels, is 0.
   */
  default int episodeLevel(int i) {
    return 0;
  }

  /** Releases resources of all instances. Idempotent. */
  @Override
  default void close() {}

  /** A batch of {@code size} single worlds made by {@code factory}, stepped in turn. */
  static WorldBatch of(Supplier<? extends World> factory, int size) {
    return new SerialWorldBatch(factory, size);
  }
}
