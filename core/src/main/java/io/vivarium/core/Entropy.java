package io.vivarium.core;

/**
 * Shannon entropy of histograms, shared by the rewards and measures built on counts (seed 000's
 * byte and syscall entropies, the colony-wide byte entropy). Stateless.
 */
public final class Entropy {
  private Entropy() {}

  /** Entropy in nats of the distribution the counts describe; 0 for an empty histogram. */
  public static double nats(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    double h = 0;
    for (long c : counts) {
      if (c > 0) {
        double p = (double) c / total;
        h -= p * Math.log(p);
      }
    }
    return Math.max(0, h);
  }

  /** As {@link #nats(long[])} for int counts. */
  public static double nats(int[] counts) {
    long[] wide = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      wide[i] = counts[i];
    }
    return nats(wide);
  }

  /** Entropy in bits; 0 for an empty histogram. */
  public static double bits(long[] counts) {
    return nats(counts) / Math.log(2);
  }
}
