package io.vivarium.brain.rl;

/**
 * Returns and outcomes of the most recent finished episodes over N environments, in a ring of
 * fixed capacity. An episode counts as a success when it ended by termination (the task was
 * done) rather than truncation. Not thread-safe.
 */
public final class EpisodeStats {
  private final double[] running; // (N) return so far of each environment's current episode
  private final double[] returns;
  private final boolean[] successes;
  private final int counted;
  private int count;
  private long episodes;

  public EpisodeStats(int envs, int window) {
    this(envs, window, envs);
  }

  /** Statistics of the first {@code counted} of {@code envs} environments only. */
  public EpisodeStats(int envs, int window, int counted) {
    if (counted < 0 || counted > envs) {
      throw new IllegalArgumentException("counted environments must be between 0 and " + envs + "; got " + counted);
    }
    running = new double[envs];
    returns = new double[window];
    successes = new boolean[window];
    this.counted = counted;
  }

  /** Adds one step's results of every environment (those not counted are ignored). */
  public void add(float[] rewards, boolean[] terminated, boolean[] truncated) {
    for (int i = 0; i < counted; i++) {
      running[i] += rewards[i];
      if (terminated[i] || truncated[i]) {
        int slot = (int) (episodes % returns.length);
        returns[slot] = running[i];
        successes[slot] = terminated[i];
        episodes++;
        count = Math.min(count + 1, returns.length);
        running[i] = 0;
      }
    }
  }

  /** Episodes finished so far. */
  public long episodes() {
    return episodes;
  }

  /** Mean return of the recent episodes, NaN before the first. */
  public double meanReturn() {
    double s = 0;
    for (int k = 0; k < count; k++) {
      s += returns[k];
    }
    return count == 0 ? Double.NaN : s / count;
  }

  /** Fraction of the recent episodes that succeeded, NaN before the first. */
  public double successRate() {
    int s = 0;
    for (int k = 0; k < count; k++) {
      s += successes[k] ? 1 : 0;
    }
    return count == 0 ? Double.NaN : (double) s / count;
  }
}
