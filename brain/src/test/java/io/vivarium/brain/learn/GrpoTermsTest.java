package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.Policy;
import io.vivarium.core.Channel;
import io.vivarium.core.config.GrpoConfig;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's opt-in GRPO terms on byte sequences: the byte-entropy loss keeps the predicted
 * bytes spread where the reward alone narrows them, the colony-histogram loss moves them towards
 * the colony's rare bytes, and the gradient-stability reward runs deterministically.
 */
class GrpoTermsTest {
  private static final long SEED = LearnerContract.SEED;

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  static GrpoConfig options(double byteEntropy, double colony, double gradient) {
    return new GrpoConfig(4, 2e-3, 4, 64, 0.2, 0.99, 1.0, 0.0).withTerms(byteEntropy, colony, gradient);
  }

  static Grpo grpo(TorchBrain brain, GrpoConfig options) {
    return new Grpo(brain, options, LearnConfig.defaults().optimizer(), Schedule.constant(2e-3), 8, SEED);
  }

  @Test
  void defaultsLeaveTheTermsOff() {
    GrpoConfig d = GrpoConfig.defaults();
    assertThat(new double[] {d.byteEntropy(), d.colonyHistogram(), d.gradientReward()}).containsOnly(0.0);
    assertThat(new GrpoConfig(4, 1e-3, 4, 64, 0.2, 0.99, 1.0, 0.01)).isEqualTo(d);
  }

  @Test
  void byteEntropyKeepsTheBytesSpreadWhereTheRewardNarrowsThem() {
    double[] alone = entropyAfterTraining(0);
    double[] kept = entropyAfterTraining(1.0);
    System.out.printf("byte entropy (nats): reward alone %.3f → %.3f, with byteEntropy=1 %.3f → %.3f%n",
        alone[0], alone[1], kept[0], kept[1]);
    assertThat(alone[1]).as("the reward alone narrows the bytes").isLessThan(alone[0] - 0.3);
    assertThat(kept[1]).isGreaterThan(alone[1] + 0.3);
  }

  /** The predicted byte entropy on the first rollout's positions, before and after 25 updates. */
  private static double[] entropyAfterTraining(double weight) {
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        WorldBatch worlds = WorldBatch.of(LowBytesWorld::new, 8);
        Grpo grpo = grpo(brain, options(weight, 0, 0))) {
      Loop loop = new Loop(brain, worlds, grpo, LearnerContract.ENCODING, 4, SEED);
      Stats s = loop.iterate();
      Rollout first = loop.rollout;
      double before = positionEntropy(brain, first);
      for (int i = 0; i < 25; i++) {
        s = loop.iterate();
      }
      assertThat(s.extra().containsKey("byte_entropy_loss")).isEqualTo(weight > 0);
      return new double[] {before, positionEntropy(brain, first)};
    }
  }

  @Test
  void colonyHistogramMovesTheBytesTowardsTheColonysRareOnes() {
    long[] counts = new long[256];
    Arrays.fill(counts, 0, 128, 50); // the colony wrote only low bytes so far
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        WorldBatch worlds = WorldBatch.of(QuietWorld::new, 8);
        Grpo grpo = grpo(brain, options(0, 1.0, 0))) {
      grpo.colonyCounts(() -> counts);
      Loop loop = new Loop(brain, worlds, grpo, LearnerContract.ENCODING, 4, SEED);
      Stats s = loop.iterate();
      Rollout first = loop.rollout;
      double before = highMass(bytes(brain, first));
      double klBefore = s.extra().get("colony_histogram_kl");
      for (int i = 0; i < 15; i++) {
        s = loop.iterate();
      }
      double after = highMass(bytes(brain, first));
      System.out.printf("mass on the colony's rare bytes %.3f → %.3f; KL of the mixture from flat %.4f → %.4f%n",
          before, after, klBefore, s.extra().get("colony_histogram_kl"));
      assertThat(after).isGreaterThan(before + 0.1);
      assertThat(s.extra().get("colony_histogram_kl")).isLessThan(klBefore);
    }
  }

  @Test
  void colonyCountsMustBe256() {
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        WorldBatch worlds = WorldBatch.of(QuietWorld::new, 8);
        Grpo grpo = grpo(brain, options(0, 1.0, 0))) {
      grpo.colonyCounts(() -> new long[255]);
      Loop loop = new Loop(brain, worlds, grpo, LearnerContract.ENCODING, 4, SEED);
      assertThatThrownBy(loop::iterate).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be 256 counts").hasMessageContaining("got 255 counts");
    }
  }

  @Test
  void withoutCountsTheColonyTermIsOff() {
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        WorldBatch worlds = WorldBatch.of(LowBytesWorld::new, 8);
        Grpo grpo = grpo(brain, options(0, 1.0, 0))) {
      Stats s = new Loop(brain, worlds, grpo, LearnerContract.ENCODING, 4, SEED).iterate();
      assertThat(s.extra()).isEmpty();
    }
  }

  /** The mean predicted byte distribution (256) over the scored positions of {@code r}'s actions. */
  static double[] bytes(TorchBrain brain, Rollout r) {
    float[] p = scored(brain, r, false);
    double[] out = new double[p.length];
    for (int b = 0; b < p.length; b++) {
      out[b] = p[b];
    }
    return out;
  }

  /** The mean entropy (nats) of the predicted byte distribution at the scored positions of {@code r}'s actions. */
  static double positionEntropy(TorchBrain brain, Rollout r) {
    return scored(brain, r, true)[0];
  }

  /** Under the brain now, {@code r}'s actions' mean byte distribution, or (entropy) its mean byte entropy. */
  private static float[] scored(TorchBrain brain, Rollout r, boolean entropy) {
    int n = r.steps() * r.envs();
    List<BrainInput> in = new ArrayList<>();
    int[][] tokens = new int[n][];
    for (int k = 0; k < n; k++) {
      in.add(r.input(k));
      tokens[k] = r.tokens(k);
    }
    return brain.infer(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor[] seq = Policy.sequence(w, m, in, tokens, Channel.MOTOR, 1.0, false);
        Tensor byteLog = ByteTerms.byteLog(seq[3]); // (B·S, 256)
        if (entropy) {
          return new float[] {ByteTerms.entropy(byteLog, seq[2], seq[2].sum()).getFloat()};
        }
        return byteLog.exp().mul(seq[2].expandDims(1)).sum(new int[] {0}).div(seq[2].sum()).toFloatArray(); // (256)
      }
    });
  }

  private static double highMass(double[] p) {
    return Arrays.stream(p, 128, 256).sum();
  }

  /** LowBytesWorld's actions with reward 0 always: only the loss terms teach. */
  static final class QuietWorld implements io.vivarium.core.world.World {
    private final LowBytesWorld inner = new LowBytesWorld();

    @Override
    public io.vivarium.core.world.Spec spec() {
      return inner.spec();
    }

    @Override
    public io.vivarium.core.world.Observation reset(long seed) {
      return inner.reset(seed);
    }

    @Override
    public io.vivarium.core.world.Step step(io.vivarium.core.world.Action action) {
      return new io.vivarium.core.world.Step(inner.reset(0), 0, true, false, Map.of());
    }
  }
}
