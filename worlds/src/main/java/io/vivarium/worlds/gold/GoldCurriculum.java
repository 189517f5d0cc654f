package io.vivarium.worlds.gold;

/**
 * Seed 001's curriculum: gold starts within Manhattan radius {@code start} of the agent and the
 * radius grows by one each time the success rate over the last {@code window} episodes reaches
 * {@code threshold}, up to {@code W + H − 2}, which covers the whole room.
 *
 * <p>Not thread-safe.
 */
public final class GoldCurriculum {
  private final double threshold;
  private final boolean[] recent; // ring of the last episodes' outcomes
  private final int maxRadius;
  private int radius;
  private int count;
  private int next;
  private int successes;

  /**
   * @param start the first radius, at least 1
   * @param threshold success rate that grows the radius, in (0, 1]
   * @param window episodes the rate is measured over
   * @param maxRadius the cap; {@code W + H − 2} reaches every cell of a W×H room
   */
  public GoldCurriculum(int start, double threshold, int window, int maxRadius) {
    if (start < 1 || start > maxRadius) {
      throw new IllegalArgumentException("curriculum start radius must be between 1 and the cap "
          + maxRadius + "; got " + start);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "curriculum threshold must be in (0, 1], e.g. 0.8; got " + threshold);
    }
    if (window < 1) {
      throw new IllegalArgumentException("curriculum window must be at least 1 episode; got " + window);
    }
    this.threshold = threshold;
    this.recent = new boolean[window];
    this.maxRadius = maxRadius;
    this.radius = start;
  }

  /** The default for a preset: start 1, threshold 0.8, window 100, capped at the whole room. */
  public static GoldCurriculum forPreset(GoldPreset p) {
    return new GoldCurriculum(1, 0.8, 100, p.width() + p.height() - 2);
  }

  /** The radius new episodes should use. */
  public int radius() {
    return radius;
  }

  /** The cap. */
  public int maxRadius() {
    return maxRadius;
  }

  /** Success rate over the episodes recorded since the radius last changed (0 when none). */
  public double successRate() {
    return count == 0 ? 0 : (double) successes / count;
  }

  /** Records one episode's outcome; returns whether the radius grew. */
  public boolean record(boolean success) {
    if (count == recent.length) {
      successes -= recent[next] ? 1 : 0;
    } else {
      count++;
    }
    recent[next] = success;
    successes += success ? 1 : 0;
    next = (next + 1) % recent.length;
    if (count == recent.length && successRate() >= threshold && radius < maxRadius) {
      radius++;
      count = 0;
      next = 0;
      successes = 0;
      return true;
    }
    return false;
  }

  /**
   * Records the episodes that ended in the batch's last step (termination counts as success)
   * and passes the radius on to the batch.
   */
  public void update(GoldBatch batch) {
    boolean[] term = batch.terminated();
    boolean[] trunc = batch.truncated();
    for (int i = 0; i < batch.size(); i++) {
      if (term[i] || trunc[i]) {
        record(term[i]);
      }
    }
    batch.setGoldRadius(radius);
  }
}
