package io.vivarium.lab.judge;

import java.util.Locale;

/**
 * How often an evaluator agrees with the grader on held-out answers, reading P(yes) ≥ 0.5 as
 * yes. Immutable and thread-safe.
 *
 * @param n answers compared
 * @param accuracy the share on which the evaluator and the grader agree ({@code agreement})
 * @param precisionYes of the answers the evaluator calls yes, the share the grader calls yes (1 when it calls none)
 * @param recallYes of the answers the grader calls yes, the share the evaluator calls yes (1 when there are none)
 * @param yesRate the share the grader calls yes
 * @param majority the agreement of always giving the grader's more common verdict: the baseline to beat
 */
public record Agreement(int n, double accuracy, double precisionYes, double recallYes, double yesRate,
    double majority) {
  public Agreement {
    if (n < 1) {
      throw new IllegalArgumentException("agreement needs at least one answer; got " + n);
    }
  }

  /** The agreement of probabilities {@code p} with the grader's verdicts {@code yes}. */
  public static Agreement of(boolean[] yes, double[] p) {
    if (yes.length != p.length || yes.length == 0) {
      throw new IllegalArgumentException("agreement needs one probability per verdict and at least one; got "
          + p.length + " and " + yes.length);
    }
    int agree = 0;
    int truePos = 0;
    int saidYes = 0;
    int isYes = 0;
    for (int i = 0; i < yes.length; i++) {
      boolean said = p[i] >= 0.5;
      agree += said == yes[i] ? 1 : 0;
      truePos += said && yes[i] ? 1 : 0;
      saidYes += said ? 1 : 0;
      isYes += yes[i] ? 1 : 0;
    }
    int n = yes.length;
    double rate = (double) isYes / n;
    return new Agreement(n, (double) agree / n, saidYes == 0 ? 1 : (double) truePos / saidYes,
        isYes == 0 ? 1 : (double) truePos / isYes, rate, Math.max(rate, 1 - rate));
  }

  /** {@code agreement=… precision_yes=… recall_yes=… yes_rate=… majority=… n=…}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "agreement=%.3f precision_yes=%.3f recall_yes=%.3f yes_rate=%.3f"
        + " majority=%.3f n=%d", accuracy, precisionYes, recallYes, yesRate, majority, n);
  }
}
