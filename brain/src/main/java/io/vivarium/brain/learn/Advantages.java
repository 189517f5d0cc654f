package io.vivarium.brain.learn;

/**
 * Advantage estimates: generalised advantage estimation for PPO, and group-relative
 * advantages for GRPO. Arrays are time-major, {@code (T, N)}: entry {@code t * n + i} is step
 * {@code t} of environment {@code i}. Stateless.
 */
public final class Advantages {
  private Advantages() {}

  /**
   * GAE(λ) (Schulman et al. 2016). {@code done[t, i]} says the action at step t ended
   * environment i's episode (terminated or truncated: the batch resets at once and the final
   * observation is not kept, so truncation is treated as termination, as CleanRL does).
   *
   * @param rewards (T, N) rewards
   * @param values (T, N) value estimates of the observations acted on
   * @param done (T, N) whether the step ended the episode
   * @param lastValues (N) value estimates of the observations after the last step
   * @param advantages (T, N) output
   * @param returns (T, N) output: advantages + values, the value head's targets
   */
  public static void gae(float[] rewards, float[] values, boolean[] done, float[] lastValues,
      int n, float gamma, float lambda, float[] advantages, float[] returns) {
    int steps = rewards.length / n;
    if (rewards.length != steps * n || values.length != rewards.length || done.length != rewards.length
        || lastValues.length != n || advantages.length != rewards.length || returns.length != rewards.length) {
      throw new IllegalArgumentException("GAE needs (T, N) arrays of equal size and (N) last values; got "
          + rewards.length + " rewards, " + values.length + " values, " + done.length + " dones, "
          + lastValues.length + " last values for N = " + n);
    }
    for (int i = 0; i < n; i++) {
      float next = 0;
      for (int t = steps - 1; t >= 0; t--) {
        int k = t * n + i;
        float live = done[k] ? 0f : 1f;
        float nextValue = t == steps - 1 ? lastValues[i] : values[k + n];
        float delta = rewards[k] + gamma * nextValue * live - values[k];
        next = delta + gamma * lambda * live * next;
        advantages[k] = next;
        returns[k] = next + values[k];
      }
    }
  }

  /**
   * GRPO's group-relative advantage (Shao et al. 2024): each return minus its group's mean,
   * divided by the group's standard deviation (population), plus {@code eps}. A group whose
   * returns are all equal gets advantage 0: it teaches nothing.
   *
   * @param returns (G × groups) returns, group-major: group g holds {@code [g*G, (g+1)*G)}
   * @param groupSize G
   */
  public static float[] groupRelative(float[] returns, int groupSize, float eps) {
    if (groupSize < 2 || returns.length % groupSize != 0) {
      throw new IllegalArgumentException("GRPO needs groups of at least 2 rollouts filling the returns; got "
          + returns.length + " returns in groups of " + groupSize);
    }
    float[] out = new float[returns.length];
    for (int g = 0; g < returns.length; g += groupSize) {
      double mean = 0;
      for (int j = 0; j < groupSize; j++) {
        mean += returns[g + j];
      }
      mean /= groupSize;
      double var = 0;
      for (int j = 0; j < groupSize; j++) {
        double d = returns[g + j] - mean;
        var += d * d;
      }
      double std = Math.sqrt(var / groupSize);
      for (int j = 0; j < groupSize; j++) {
        out[g + j] = std == 0 ? 0f : (float) ((returns[g + j] - mean) / (std + eps));
      }
    }
    return out;
  }

  /** Normalises {@code x[from, to)} in place to mean 0 and (sample) deviation 1, as PPO does per minibatch. */
  public static void normalise(float[] x, int from, int to, float eps) {
    int count = to - from;
    if (count < 2) {
      return;
    }
    double mean = 0;
    for (int k = from; k < to; k++) {
      mean += x[k];
    }
    mean /= count;
    double var = 0;
    for (int k = from; k < to; k++) {
      double d = x[k] - mean;
      var += d * d;
    }
    double std = Math.sqrt(var / (count - 1));
    for (int k = from; k < to; k++) {
      x[k] = (float) ((x[k] - mean) / (std + eps));
    }
  }
}
