package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The advantage and loss arithmetic against examples worked out by hand. */
class AdvantagesTest {
  @Test
  void gaeMatchesAHandComputedExample() {
    // One environment, three steps; the episode ends after step 1, then a new one runs.
    // gamma 0.5, lambda 0.5: delta_t = r_t + 0.5 V_{t+1} (1 - done_t) - V_t
    float[] r = {1, 2, 3};
    float[] v = {0.5f, 1, 2};
    boolean[] done = {false, true, false};
    float[] last = {4};
    float[] adv = new float[3];
    float[] ret = new float[3];
    Advantages.gae(r, v, done, last, 1, 0.5f, 0.5f, adv, ret);
    // delta2 = 3 + 0.5*4 - 2 = 3;   A2 = 3
    // delta1 = 2 + 0 - 1 = 1;       A1 = 1 (episode ended: nothing flows back)
    // delta0 = 1 + 0.5*1 - 0.5 = 1; A0 = 1 + 0.25 * 1 = 1.25
    assertThat(adv).containsExactly(new float[] {1.25f, 1f, 3f}, within(1e-6f));
    assertThat(ret).containsExactly(new float[] {1.75f, 2f, 5f}, within(1e-6f));
  }

  @Test
  void gaeKeepsEnvironmentsApart() {
    // (T=2, N=2), time-major: env 0 gets rewards 1, 0; env 1 gets 0, 1. gamma = lambda = 1, values 0.
    float[] r = {1, 0, 0, 1};
    float[] adv = new float[4];
    float[] ret = new float[4];
    Advantages.gae(r, new float[4], new boolean[4], new float[2], 2, 1f, 1f, adv, ret);
    assertThat(adv).containsExactly(1f, 1f, 0f, 1f);
  }

  @Test
  void gaeRejectsMismatchedShapes() {
    assertThatThrownBy(() -> Advantages.gae(new float[4], new float[3], new boolean[4], new float[2], 2, 1, 1,
        new float[4], new float[4])).hasMessageContaining("equal size");
  }

  @Test
  void groupRelativeNormalisesWithinEachGroup() {
    // Group 1: returns 0, 1 -> mean 0.5, std 0.5 -> -1, +1. Group 2: all equal -> 0.
    float[] a = Advantages.groupRelative(new float[] {0, 1, 0.3f, 0.3f}, 2, 0f);
    assertThat(a).containsExactly(new float[] {-1f, 1f, 0f, 0f}, within(1e-6f));
    assertThatThrownBy(() -> Advantages.groupRelative(new float[3], 2, 0)).hasMessageContaining("groups of 2");
  }

  @Test
  void normaliseGivesMeanZeroAndUnitDeviation() {
    float[] x = {1, 2, 3, 4, 99};
    Advantages.normalise(x, 0, 4, 0);
    // mean 2.5, sample std sqrt(5/3)
    double s = Math.sqrt(5.0 / 3.0);
    assertThat(x[0]).isCloseTo((float) (-1.5 / s), within(1e-6f));
    assertThat(x[3]).isCloseTo((float) (1.5 / s), within(1e-6f));
    assertThat(x[4]).isEqualTo(99f);
  }

  @Test
  void ppoClippingStopsTheRatioPayingBeyondTheClip() {
    double clip = 0.2;
    // Positive advantage, ratio 1.5: the clipped term (1.2 * A) binds.
    assertThat(PpoMath.clippedPolicyLoss(Math.log(1.5), 0, 2, clip)).isCloseTo(-2.4, within(1e-12));
    // Positive advantage, ratio 0.5: the unclipped term is the larger loss.
    assertThat(PpoMath.clippedPolicyLoss(Math.log(0.5), 0, 2, clip)).isCloseTo(-1.0, within(1e-12));
    // Negative advantage, ratio 1.5: unclipped (1.5 * 1) is the larger loss.
    assertThat(PpoMath.clippedPolicyLoss(Math.log(1.5), 0, -1, clip)).isCloseTo(1.5, within(1e-12));
    // Negative advantage, ratio 0.5: clipped at 0.8.
    assertThat(PpoMath.clippedPolicyLoss(Math.log(0.5), 0, -1, clip)).isCloseTo(0.8, within(1e-12));
    assertThat(PpoMath.valueLoss(3, 1)).isEqualTo(2.0);
    assertThat(PpoMath.approxKl(0.1, 0.1)).isZero();
  }

  @Test
  void entropyOfUniformAndCertainDistributions() {
    assertThat(PpoMath.entropy(new float[] {0, 0, 0, 0})).isCloseTo(Math.log(4), within(1e-9));
    assertThat(PpoMath.entropy(new float[] {100, 0, 0})).isCloseTo(0, within(1e-9));
  }
}
