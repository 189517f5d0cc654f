package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;

/** The clipped surrogate objective PPO and GRPO share, and their KL and clip-fraction estimates. Stateless. */
final class Surrogate {
  private Surrogate() {}

  /**
   * The clipped surrogate loss {@code max(−A·r, −A·clip(r, 1−ε, 1+ε))} per sample, with
   * {@code r = exp(logRatio)}; its mean, or with {@code mask} its masked mean.
   */
  static Tensor clipped(Arena m, Tensor logRatio, Tensor adv, double clip) {
    return perSample(m, logRatio, adv, clip).mean();
  }

  /** The per-sample clipped surrogate loss (same shape as {@code logRatio}). */
  static Tensor perSample(Arena m, Tensor logRatio, Tensor adv, double clip) {
    Tensor ratio = logRatio.exp();
    Tensor clipped = ratio.maximum(m.create((float) (1 - clip))).minimum(m.create((float) (1 + clip)));
    return adv.mul(ratio).neg().maximum(adv.mul(clipped).neg());
  }

  /**
   * The approximate KL (k3: {@code E[r − 1 − log r]}) and the clipped share over the samples
   * whose {@code mask} is 1 (all when null), from their log-ratios.
   */
  static float[] klAndClip(float[] logRatio, float[] mask, double clip) {
    double kl = 0;
    double clipped = 0;
    double n = 0;
    for (int j = 0; j < logRatio.length; j++) {
      if (mask != null && mask[j] == 0) {
        continue;
      }
      kl += Math.exp(logRatio[j]) - 1 - logRatio[j];
      clipped += Math.abs(Math.exp(logRatio[j]) - 1) > clip ? 1 : 0;
      n++;
    }
    return new float[] {(float) (kl / Math.max(1, n)), (float) (clipped / Math.max(1, n))};
  }
}
