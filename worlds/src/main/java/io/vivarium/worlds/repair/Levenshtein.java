package io.vivarium.worlds.repair;

/**
 * Levenshtein edit distance over Unicode code points: insertions, deletions and substitutions
 * each cost one.
 *
 * <p>Stateless and thread-safe.
 */
public final class Levenshtein {
  private Levenshtein() {}

  /** The edit distance between {@code a} and {@code b}. */
  public static int distance(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    // The common prefix and suffix cost nothing; trimming them keeps local damage cheap.
    int start = 0;
    while (start < x.length && start < y.length && x[start] == y[start]) {
      start++;
    }
    int endX = x.length;
    int endY = y.length;
    while (endX > start && endY > start && x[endX - 1] == y[endY - 1]) {
      endX--;
      endY--;
    }
    int n = endX - start;
    int m = endY - start;
    if (n == 0 || m == 0) {
      return Math.max(n, m);
    }
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int xi = x[start + i - 1];
      for (int j = 1; j <= m; j++) {
        int sub = prev[j - 1] + (xi == y[start + j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
