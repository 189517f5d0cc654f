package io.vivarium.colony.runtime;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's own learner hyper-parameters, which population-based training perturbs at birth
 * (Jaderberg et al. 2017): PPO's learning rate and entropy-bonus coefficient. Immutable.
 *
 * @param lr the learning rate, in (0, 1)
 * @param entropy the entropy-bonus coefficient, at least 0
 */
record Hparams(double lr, double entropy) {
  private static final Pattern LR = Pattern.compile("\"lr\":([-0-9.eE+]+)");
  private static final Pattern ENTROPY = Pattern.compile("\"entropy\":([-0-9.eE+]+)");

  Hparams {
    if (!(lr > 0 && lr < 1) || !(entropy >= 0) || Double.isInfinite(entropy)) {
      throw new IllegalArgumentException("hyper-parameters need 0 < lr < 1 and a finite entropy >= 0; got lr "
          + lr + ", entropy " + entropy);
    }
  }

  /** Each parameter multiplied by 0.8 or 1.2, chosen by {@code rng} (the learning rate kept below 1). */
  Hparams perturbed(SplittableRandom rng) {
    double l = lr * (rng.nextBoolean() ? 0.8 : 1.2);
    double e = entropy * (rng.nextBoolean() ? 0.8 : 1.2);
    return new Hparams(Math.min(l, 0.5), e);
  }

  /** The hyper-parameters a birth event's JSON recorded, or {@code fallback} when it has none. */
  static Hparams fromJson(String json, Hparams fallback) {
    if (json == null) {
      return fallback;
    }
    Matcher l = LR.matcher(json);
    Matcher e = ENTROPY.matcher(json);
    if (!l.find() || !e.find()) {
      return fallback;
    }
    return new Hparams(Double.parseDouble(l.group(1)), Double.parseDouble(e.group(1)));
  }
}
