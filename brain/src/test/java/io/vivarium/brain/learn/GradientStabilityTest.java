package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gradient-stability reward: its formula on known gradients, the same curve for the same
 * seed, the parameters' gradients left at zero, and (printed, never asserted) its cost per update.
 */
class GradientStabilityTest {
  private static final long SEED = LearnerContract.SEED;

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void stabilityIsMinusTheMeanOfTheSmallestChangesAmongTouchedEntries() {
    try (Arena m = Arena.newRoot()) {
      float[] g = new float[42];
      float[] ref = new float[42];
      for (int i = 0; i < 40; i++) { // 40 touched entries, changes 1 … 40; 2 untouched
        g[i] = 2 * (i + 1);
        ref[i] = i + 1;
      }
      Tensor a = m.create(g);
      // 5 % of 40 = 2 smallest changes: 1 and 2
      assertThat(GradientStability.stability(a, m.create(ref))).isCloseTo(-1.5, within(1e-6));
      // no reference: the smallest |g| among the touched, 2 and 4
      assertThat(GradientStability.stability(a, null)).isCloseTo(-3.0, within(1e-6));
      assertThat(GradientStability.stability(m.create(new float[3]), null)).isZero();
    }
  }

  @Test
  void sameSeedSameCurveAndGradientsLeftAtZero() {
    List<String> first = curve(3, 0.5);
    assertThat(first).isEqualTo(curve(3, 0.5));
    assertThat(first.get(0)).contains("gradient_stability");
  }

  @Test
  void printsItsCostPerUpdate() {
    long t0 = System.nanoTime();
    curve(4, 0);
    long t1 = System.nanoTime();
    curve(4, 0.5);
    long t2 = System.nanoTime();
    System.out.printf("gradientReward off: %.1f ms/iteration; on: %.1f ms/iteration (32 episodes an update)%n",
        (t1 - t0) / 4e6, (t2 - t1) / 4e6);
  }

  /** {@code n} iterations on the low-bytes toy; each line the return and the update's metrics. */
  private static List<String> curve(int n, double weight) {
    List<String> out = new ArrayList<>();
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        WorldBatch worlds = WorldBatch.of(LowBytesWorld::new, 8);
        Grpo grpo = GrpoTermsTest.grpo(brain, GrpoTermsTest.options(0, 0, weight))) {
      Loop loop = new Loop(brain, worlds, grpo, LearnerContract.ENCODING, 4, SEED);
      for (int i = 0; i < n; i++) {
        Stats s = loop.iterate();
        out.add(String.format("return %.4f · %s", loop.episodes.meanReturn(), s.metrics()));
      }
      brain.update(w -> {
        w.all().values().forEach(p -> assertThat(p.getGradient().abs().sum().getFloat()).isZero());
        return null;
      });
    }
    return out;
  }
}
