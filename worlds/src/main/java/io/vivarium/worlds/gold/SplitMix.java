package io.vivarium.worlds.gold;

/**
 * SplitMix64 with a reusable state, so that resets inside a batch's step draw random numbers
 * without allocating a {@link java.util.SplittableRandom} per episode. The sequence for a seed
 * is fixed forever (it defines every layout), so this class must not change.
 *
 * <p>Not thread-safe; each batch worker owns one.
 */
final class SplitMix {
  private long state;

  /** Restarts the sequence from {@code seed}. */
  void seed(long seed) {
    state = seed;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform integer in {@code [0, bound)} (Lemire's multiply-shift; bias below 2^-32). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }
}
