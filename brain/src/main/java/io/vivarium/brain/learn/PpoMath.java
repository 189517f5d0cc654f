package io.vivarium.brain.learn;

/**
 * PPO's per-sample loss terms in plain Java: the reference the tensor implementation is
 * tested against, and readable documentation of the formulas. Stateless.
 */
public final class PpoMath {
  private PpoMath() {}

  /**
   * The clipped surrogate objective's loss for one sample (Schulman et al. 2017):
   * {@code max(−A·r, −A·clip(r, 1−ε, 1+ε))} with {@code r = exp(logp − oldLogp)}.
   */
  public static double clippedPolicyLoss(double logp, double oldLogp, double advantage, double clip) {
    double ratio = Math.exp(logp - oldLogp);
    double clipped = Math.max(1 - clip, Math.min(1 + clip, ratio));
    return Math.max(-advantage * ratio, -advantage * clipped);
  }

  /** The value loss for one sample: {@code ½ (v − return)²}. */
  public static double valueLoss(double value, double target) {
    double d = value - target;
    return 0.5 * d * d;
  }

  /** The entropy, in nats, of the categorical distribution softmax({@code logits}). */
  public static double entropy(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double z = 0;
    for (float l : logits) {
      z += Math.exp(l - max);
    }
    double logZ = Math.log(z) + max;
    double h = 0;
    for (float l : logits) {
      double logp = l - logZ;
      h -= Math.exp(logp) * logp;
    }
    return h;
  }

  /** The approximate KL divergence estimate CleanRL logs: mean of {@code (r − 1) − log r}. */
  public static double approxKl(double logp, double oldLogp) {
    double logRatio = logp - oldLogp;
    return Math.exp(logRatio) - 1 - logRatio;
  }
}
