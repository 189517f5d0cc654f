package io.vivarium.brain.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Channel;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PPO learns a task a random policy mostly fails, and is deterministic for a seed. */
class PpoTest {
  private static final long SEED = 7;
  private static final Encoding ENCODING = new Encoding(List.of(Channel.VIDEO), 16, 2, true);

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  private static PpoOptions options() {
    return new PpoOptions(8, 32, 64, 4, 1e-3, 0.2, 0.99, 0.95, 0.01, 0.5, 0.5, false, 0);
  }

  private static BrainShape shape() {
    return BrainShape.preset("tiny").with(2, 4, 32, 32, 0);
  }

  @Test
  void learnsTheCorridorFarAboveRandom() {
    System.out.println("PpoTest seed " + SEED);
    try (TorchBrain brain = TorchBrain.create(shape(), SEED);
        WorldBatch worlds = WorldBatch.of(CorridorWorld::new, 8);
        Ppo ppo = new Ppo(brain, worlds, ENCODING, options(), SEED)) {
      Ppo.Stats first = ppo.iterate();
      Ppo.Stats s = first;
      for (int i = 0; i < 40 && !(s.successRate() > 0.95); i++) {
        s = ppo.iterate();
        System.out.printf("iter %d · steps %d · return %.3f · success %.2f · entropy %.3f%n",
            i, s.envSteps(), s.meanReturn(), s.successRate(), s.entropy());
      }
      // A uniformly random policy succeeds in about a third of the episodes here.
      assertThat(first.successRate()).isLessThan(0.6);
      assertThat(s.successRate()).isGreaterThan(0.95);
      assertThat(s.meanReturn()).isGreaterThan(0.55); // optimal is 1 - 0.9 * 3/8 = 0.6625
    }
  }

  @Test
  void aStopCheckEndsTheIterationBetweenWholeUpdates() {
    try (TorchBrain brain = TorchBrain.create(shape(), SEED);
        WorldBatch worlds = WorldBatch.of(CorridorWorld::new, 8);
        Ppo ppo = new Ppo(brain, worlds, ENCODING, options(), SEED)) {
      int[] asked = {0};
      ppo.setStopCheck(() -> ++asked[0] > 3);
      ppo.iterate();
      assertThat(ppo.timing().updates()).isEqualTo(3);
      assertThat(ppo.optimizerSteps()).isEqualTo(3);
      ppo.setStopCheck(null);
      ppo.iterate();
      assertThat(ppo.optimizerSteps()).as("a full iteration: 4 epochs of 4 minibatches").isEqualTo(3 + 16);
    }
  }

  @Test
  void sameSeedGivesTheSameLearningCurve() {
    assertThat(curve()).isEqualTo(curve());
  }

  private static List<String> curve() {
    List<String> out = new ArrayList<>();
    try (TorchBrain brain = TorchBrain.create(shape(), SEED);
        WorldBatch worlds = WorldBatch.of(CorridorWorld::new, 8);
        Ppo ppo = new Ppo(brain, worlds, ENCODING, options(), SEED)) {
      for (int i = 0; i < 2; i++) {
        Ppo.Stats s = ppo.iterate();
        out.add(s.meanReturn() + "/" + s.policyLoss() + "/" + s.valueLoss());
      }
    }
    return out;
  }

  @Test
  void badSetUpsAreExplained() {
    try (TorchBrain brain = TorchBrain.create(shape(), SEED);
        WorldBatch worlds = WorldBatch.of(CorridorWorld::new, 4)) {
      assertThatThrownBy(() -> new Ppo(brain, worlds, ENCODING, options(), SEED))
          .hasMessageContaining("ppo envs is 8 but the world batch has 4 instances");
    }
    assertThatThrownBy(() -> new PpoOptions(8, 4, 64, 1, 1e-3, 0.2, 0.99, 0.95, 0, 0.5, 0.5, false, 0))
        .hasMessageContaining("ppo minibatch must be between 1 and 32; got 64");
  }
}
