package io.vivarium.worlds.repair;

/**
 * How good one answer is: {@code reward = (d(corrupted, clean) − d(answer, clean)) /
 * d(corrupted, clean)} with Levenshtein distance {@code d}, clipped below at −1 so that an
 * answer far worse than doing nothing costs no more than one; plus whether the answer
 * restores the clean passage exactly.
 *
 * <p>Immutable and thread-safe.
 *
 * @param before distance from the corrupted passage to the clean one (positive in episodes)
 * @param after distance from the answer to the clean passage
 * @param reward the normalised improvement in [−1, 1]; 1 exactly when the answer is exact
 * @param exact whether the answer equals the clean passage
 */
public record Score(int before, int after, double reward, boolean exact) {
  public Score {
    if (before < 0 || after < 0) {
      throw new IllegalArgumentException(
          "distances must be non-negative; got before=" + before + ", after=" + after);
    }
    if (!(reward >= -1 && reward <= 1)) {
      throw new IllegalArgumentException("reward must be in [-1, 1]; got " + reward);
    }
  }

  /** Scores {@code answer} against {@code clean}, given the {@code corrupted} passage. */
  public static Score of(String clean, String corrupted, String answer) {
    int before = Levenshtein.distance(corrupted, clean);
    int after = answer.equals(corrupted) ? before : Levenshtein.distance(answer, clean);
    boolean exact = after == 0;
    double reward;
    if (before == 0) {
      // Nothing was damaged (never in a generated episode): keeping it intact is perfect.
      reward = exact ? 1 : -1;
    } else {
      reward = Math.max(-1.0, (before - after) / (double) before);
    }
    return new Score(before, after, reward, exact);
  }
}
