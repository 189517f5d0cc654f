package io.vivarium.colony.runtime;

import java.util.Arrays;
import java.util.Locale;

/**
 * The colony's status line, e.g. {@code gen 3 · agents 12 (2 hibernating) · success 71% · best
 * a0017 (parent a0004) · 38k steps/s}. Stateless and thread-safe.
 */
final class StatusLine {
  private StatusLine() {}

  /**
   * @param generation the lineage's highest generation
   * @param agents alive and hibernating agents
   * @param hibernating hibernating agents
   * @param success the alive agents' median success rate in [0, 1]
   * @param best the fittest alive agent
   * @param parent its parent, or {@code null} for a founder
   * @param stepsPerSecond environment steps per second over the round
   */
  static String format(int generation, int agents, int hibernating, double success, String best, String parent,
      double stepsPerSecond) {
    return String.format(Locale.ROOT, "gen %d · agents %d (%d hibernating) · success %.0f%% · best %s (%s) · %s steps/s",
        generation, agents, hibernating, 100 * success, best, parent == null ? "founder" : "parent " + parent,
        rate(stepsPerSecond));
  }

  /** {@code 950}, {@code 3.8k}, {@code 38k}, {@code 1.2M}. */
  static String rate(double perSecond) {
    if (perSecond < 1000) {
      return String.format(Locale.ROOT, "%.0f", perSecond);
    }
    if (perSecond < 10_000) {
      return String.format(Locale.ROOT, "%.1fk", perSecond / 1000);
    }
    if (perSecond < 1_000_000) {
      return String.format(Locale.ROOT, "%.0fk", perSecond / 1000);
    }
    return String.format(Locale.ROOT, "%.1fM", perSecond / 1_000_000);
  }

  /** The median of {@code values}, NaNs counted as 0; 0 when there are none. */
  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = Arrays.stream(values).map(x -> Double.isNaN(x) ? 0 : x).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
