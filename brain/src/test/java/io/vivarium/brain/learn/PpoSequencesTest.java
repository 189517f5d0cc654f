package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Acts;
import io.vivarium.brain.policy.Policy;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.config.PpoConfig;
import io.vivarium.core.world.WorldBatch;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PPO over byte sequences on a fixed toy (one context; half the programs start with {@code A}
 * and earn 1, half start with {@code B} and earn 0) and in a loop, and the penalty towards a
 * reference brain for sequences and one-byte actions.
 */
class PpoSequencesTest {
  static final long SEED = LearnerContract.SEED;
  static final ActionSpace SPACE = new ActionSpace(new long[0], 4, Channel.MOTOR);
  static final BrainInput CONTEXT = BrainInput.prompt(Channel.VIDEO, new byte[] {1, 2, 3});
  static final int ROWS = 16;

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  static Ppo ppo(TorchBrain brain, int instances) {
    return new Ppo(brain, new PpoConfig(4, 64, 0.2, 0.99, 0.95, 0.0, 0.5), LearnConfig.defaults().optimizer(),
        Schedule.constant(3e-3), instances, SEED);
  }

  @Test
  void ppoAsksForNoOneByteWorld() {
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        Ppo ppo = ppo(brain, 4)) {
      assertThat(ppo.needs().oneByte()).isFalse();
      assertThat(ppo.needs().bootstrap()).isTrue();
    }
  }

  @Test
  void aSequenceUpdateRaisesTheChanceOfAFirstAndTheCriticLearnsTheMeanReward() throws Exception {
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        Ppo ppo = ppo(brain, ROWS)) {
      byte[] before = brain.toBytes();
      double pBefore = Math.exp(logpFirst(brain, 'A'));
      Stats first = ppo.update(toy(brain));
      assertThat(brain.toBytes()).as("weights change").isNotEqualTo(before);
      Stats last = first;
      for (int i = 0; i < 15; i++) {
        last = ppo.update(toy(brain));
      }
      double pAfter = Math.exp(logpFirst(brain, 'A'));
      float value = new Actor(SPACE, 1).values(brain, List.of(CONTEXT))[0];
      System.out.printf("p(A first) %.4f -> %.4f · value %.3f · first %s · last %s%n", pBefore, pAfter, value,
          first.metrics(), last.metrics());
      assertThat(pAfter).as("p(A first)").isGreaterThan(pBefore * 10).isGreaterThan(0.2);
      assertThat(last.policyLoss()).as("surrogate loss falls").isLessThan(first.policyLoss());
      assertThat(last.valueLoss()).as("value loss falls").isLessThan(first.valueLoss());
      assertThat((double) value).as("the critic learns the mean reward 0.5").isBetween(0.35, 0.65);
      assertThat(last.metrics()).containsKeys("policy_loss", "value_loss", "entropy", "approx_kl", "clip_fraction",
          "grad_norm", "lr").doesNotContainKey(KlReference.METRIC);
      assertThat(last.metrics().values()).allMatch(Double::isFinite);
    }
  }

  @Test
  void theCriticReadsTheValueWhereTheSamplerDid() {
    List<BrainInput> prefixes = List.of(CONTEXT, BrainInput.prompt(Channel.VIDEO, new byte[] {9, 8, 7, 6, 5, 4}),
        BrainInput.prompt(Channel.VIDEO, new byte[] {42}));
    int[][] tokens = {{'A', Vocabulary.EOS}, {'q', 'r', 's', 't'}, {Vocabulary.EOS}};
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED)) {
      float[] sampler = new Actor(SPACE, 1).values(brain, prefixes);
      float[] scored = brain.infer(w -> {
        try (Arena m = w.arena().newChild()) {
          return Policy.sequence(w, m, prefixes, tokens, SPACE.channel(), 1.0, false, true)[4].toFloatArray();
        }
      });
      assertThat(scored).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(scored[i]).as("row %d", i).isCloseTo(sampler[i], org.assertj.core.data.Offset.offset(1e-4f));
      }
    }
  }

  @Test
  void learnsToWriteLowBytes() {
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        WorldBatch worlds = WorldBatch.of(LowBytesWorld::new, 8);
        Ppo ppo = ppo(brain, 8)) {
      Loop loop = new Loop(brain, worlds, ppo, LearnerContract.ENCODING, 8, SEED);
      loop.iterate();
      double first = loop.episodes.meanReturn();
      for (int i = 0; i < 40 && !(loop.episodes.meanReturn() > 0.8); i++) {
        Stats s = loop.iterate();
        System.out.printf("ppo sequences iter %d · return %.3f · %s%n", i, loop.episodes.meanReturn(), s.metrics());
      }
      assertThat(first).as("random bytes are low half of the time").isLessThan(0.65);
      assertThat(loop.episodes.meanReturn()).isGreaterThan(0.8);
    }
  }

  @Test
  void theReferencePenaltyIsZeroAtFirstAndGrowsAsTheBrainMoves() {
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        Ppo ppo = ppo(brain, ROWS)) {
      ppo.keepNear(0.1);
      int[] asked = {0};
      Stats one = ppo.update(toy(brain), () -> ++asked[0] > 1);
      assertThat(one.updates()).isEqualTo(1);
      assertThat(one.extra()).as("brain == reference").containsEntry(KlReference.METRIC, 0.0);
      Stats later = one;
      for (int i = 0; i < 3; i++) {
        later = ppo.update(toy(brain));
      }
      assertThat(later.extra().get(KlReference.METRIC)).isPositive().isFinite();
    }
  }

  @Test
  void theReferencePenaltyWorksForOneByteActionsAndComesFromTheConfig() {
    LearnConfig d = LearnConfig.defaults();
    LearnConfig c = new LearnConfig(d.method(), 1e-3, 0.1, d.ppo(), d.grpo(), d.bc(), d.optimizer(), d.schedule());
    try (TorchBrain brain = TorchBrain.create(LearnerContract.shape(), SEED);
        WorldBatch worlds = new CorridorWorld.Batch(8);
        Learner ppo = Learners.create(io.vivarium.core.config.LearnMethod.PPO, brain, c, 8, SEED)) {
      Loop loop = new Loop(brain, worlds, ppo, LearnerContract.ENCODING, 32, SEED);
      int[] asked = {0};
      Stats one = loop.iterate(() -> ++asked[0] > 1);
      assertThat(one.extra()).as("brain == reference").containsEntry(KlReference.METRIC, 0.0);
      Stats later = loop.iterate();
      assertThat(later.extra().get(KlReference.METRIC)).isPositive().isFinite();
    }
  }

  /** A one-step rollout of {@link #ROWS} rows from {@link #CONTEXT}, scored by {@code brain} as it is now. */
  static Rollout toy(TorchBrain brain) {
    int[][] tokens = new int[ROWS][];
    float[] rewards = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      boolean good = i % 2 == 0;
      tokens[i] = new int[] {good ? 'A' : 'B', 'x', Vocabulary.EOS};
      rewards[i] = good ? 1 : 0;
    }
    List<BrainInput> inputs = Collections.nCopies(ROWS, CONTEXT);
    float[][] tokenLogp = brain.infer(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor[] seq = Policy.sequence(w, m, inputs, tokens, SPACE.channel(), 1.0, false);
        float[] lp = seq[0].toFloatArray();
        float[] mask = seq[2].toFloatArray();
        int s = lp.length / ROWS;
        float[][] out = new float[ROWS][];
        for (int i = 0; i < ROWS; i++) {
          int n = 0;
          out[i] = new float[tokens[i].length];
          for (int p = i * s; p < (i + 1) * s; p++) {
            if (mask[p] > 0) {
              out[i][n++] = lp[p];
            }
          }
        }
        return out;
      }
    });
    float[] logp = new float[ROWS];
    byte[][] bytes = new byte[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      for (float x : tokenLogp[i]) {
        logp[i] += x;
      }
      bytes[i] = new byte[] {(byte) tokens[i][0], (byte) tokens[i][1]};
    }
    float[] values = new Actor(SPACE, 1).values(brain, inputs);
    Rollout r = new Rollout(SPACE, 1, ROWS);
    r.acted(0, inputs.toArray(new BrainInput[0]), new Acts(bytes, null, tokens, tokenLogp, logp, values), 0);
    boolean[] done = new boolean[ROWS];
    Arrays.fill(done, true);
    r.answered(0, rewards, done, new boolean[ROWS]);
    r.lastValues(new float[ROWS]);
    return r;
  }

  /** log p(first generated byte = {@code b} | {@link #CONTEXT}) under {@code brain}. */
  static double logpFirst(TorchBrain brain, char b) {
    return brain.infer(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor[] seq = Policy.sequence(w, m, List.of(CONTEXT), new int[][] {{b}}, SPACE.channel(), 1.0, false);
        float[] lp = seq[0].toFloatArray();
        float[] mask = seq[2].toFloatArray();
        for (int p = 0; p < lp.length; p++) {
          if (mask[p] > 0) {
            return (double) lp[p];
          }
        }
        throw new AssertionError("no scored position");
      }
    });
  }
}
