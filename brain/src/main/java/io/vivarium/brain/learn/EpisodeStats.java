package io.vivarium.brain.learn;

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

  /** Adds step {@code t} of {@code r}, read from the rollout (no copies). */
  public void add(Rollout r, int t) {
    int n = r.envs();
    for (int i = 0; i < counted; i++) {
      int k = t * n + i;
      running[i] += r.reward(k);
      if (r.done(k)) {
        int slot = (int) (episodes % returns.length);
        returns[slot] = running[i];
        successes[slot] = r.terminated(k);
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

  /** The recent episodes' returns (at most the window's capacity), oldest first. */
  public double[] recentReturns() {
    double[] out = new double[count];
    for (int k = 0; k < count; k++) {
      out[k] = returns[slot(k)];
    }
    return out;
  }

  /** The recent episodes' outcomes, oldest first, matching {@link #recentReturns()}. */
  public boolean[] recentSuccesses() {
    boolean[] out = new boolean[count];
    for (int k = 0; k < count; k++) {
      out[k] = successes[slot(k)];
    }
    return out;
  }

  /** The ring slot of the k-th oldest recent episode. */
  private int slot(int k) {
    return (int) ((episodes - count + k) % returns.length);
  }

  /**
   * Continues from saved statistics: {@code episodes} finished in all, the most recent of them
   * with {@code returns} and {@code successes} (oldest first; those beyond the window's
   * capacity are dropped, oldest first). Episodes in progress are forgotten. With the same
   * capacity, the means equal, bit for bit, those of the statistics saved.
   */
  public void restore(long episodes, double[] returns, boolean[] successes) {
    if (returns.length != successes.length || episodes < returns.length) {
      throw new IllegalArgumentException("episode statistics need as many returns as outcomes and at most "
          + episodes + " of them; got " + returns.length + " returns and " + successes.length + " outcomes");
    }
    int keep = Math.min(returns.length, this.returns.length);
    this.episodes = episodes;
    this.count = keep;
    java.util.Arrays.fill(running, 0);
    for (int k = 0; k < keep; k++) {
      int from = returns.length - keep + k;
      this.returns[slot(k)] = returns[from];
      this.successes[slot(k)] = successes[from];
    }
  }

  /** Mean return of the recent episodes, NaN before the first. */
  public double meanReturn() {
    double s = 0;
    for (int k = 0; k < count; k++) {
      s += returns[slot(k)];
    }
    return count == 0 ? Double.NaN : s / count;
  }

  /** Fraction of the recent episodes that succeeded, NaN before the first. */
  public double successRate() {
    int s = 0;
    for (int k = 0; k < count; k++) {
      s += successes[slot(k)] ? 1 : 0;
    }
    return count == 0 ? Double.NaN : (double) s / count;
  }
}
