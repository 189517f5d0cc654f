package io.vivarium.core.world;

/**
 * One instance of an environment: reset it with a seed, then step it with actions until the
 * episode is {@linkplain Step#done() done}.
 *
 * <p>A world is deterministic: the same seed and the same actions give the same observations
 * and rewards, bit for bit. Instances are not thread-safe; use one per thread or a
 * {@link WorldBatch}.
 */
public interface World extends AutoCloseable {
  /** What this world's observations and actions look like. */
  Spec spec();

  /** Starts a new episode determined entirely by {@code seed}. */
  Observation reset(long seed);

  /** Applies {@code action}; calling this after the episode is done is a misuse. */
  Step step(Action action);

  /** Releases native or file resources; the default holds none. Idempotent. */
  @Override
  default void close() {}
}
