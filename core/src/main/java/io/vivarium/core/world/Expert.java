package io.vivarium.core.world;

/**
 * A {@link WorldBatch} that knows a good action for each instance's current state: the
 * demonstrations imitation learning clones (seed 001's "fake traces"). Learners test for it
 * with {@code batch instanceof Expert}, so they never need a world's own classes.
 */
public interface Expert {
  /** The expert's one-byte action for instance {@code i} in its current state. */
  byte expertAction(int i);
}
