package io.vivarium.colony.runtime;

import io.vivarium.colony.registry.WorldMeans;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The colony's status line, e.g. {@code gen 3 · agents 12 (2 hibernating) · success 71% · best
 * a0017 (parent a0004) · 38k steps/s}, then the means of the world's metrics when it records
 * any (exec: {@code · evenness 0.12 · distinct_calls 0.80 · byte_entropy 0.71}). Stateless and
 * thread-safe.
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
   * @param world the world metrics' means over alive agents ({@link WorldMeans#of}), appended when any
   */
  static String format(int generation, int agents, int hibernating, double success, String best, String parent,
      double stepsPerSecond, Map<String, Double> world) {
    return String.format(Locale.ROOT, "gen %d · agents %d (%d hibernating) · success %.0f%% · best %s (%s) · %s steps/s",
        generation, agents, hibernating, 100 * success, best, parent == null ? "founder" : "parent " + parent,
        rate(stepsPerSecond)) + (world.isEmpty() ? "" : " · " + WorldMeans.text(world));
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

  /** The median of {@code values} that are not NaN (agents without an episode yet); 0 when there are none. */
  static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return 0;
    }
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
