package io.vivarium.worlds.chat;

import io.vivarium.worlds.repair.Levenshtein;

/**
 * The chat world's own reward: 1 for the expected answer (both trimmed), else half the
 * normalised Levenshtein similarity, which stays below 0.5 — a dense partial score, so that
 * group-relative learning has a gradient between wrong answers. Stateless and thread-safe.
 */
public final class Grader {
  private Grader() {}

  /** The reward of {@code answer} to a question whose answer is {@code expected}. */
  public static double reward(String expected, String answer) {
    String e = expected.strip();
    String a = answer.strip();
    if (e.equals(a)) {
      return 1;
    }
    int longest = Math.max(e.codePointCount(0, e.length()), a.codePointCount(0, a.length()));
    return 0.5 * (1 - (double) Levenshtein.distance(e, a) / longest);
  }

  /** Whether {@code answer} is exactly {@code expected}, both trimmed. */
  public static boolean exact(String expected, String answer) {
    return expected.strip().equals(answer.strip());
  }
}
