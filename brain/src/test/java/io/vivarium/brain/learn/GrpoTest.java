package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.TorchBrain;
import io.vivarium.core.config.GrpoConfig;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.world.WorldBatch;
import org.junit.jupiter.api.Test;

/**
 * GRPO keeps the learner contract on the corridor (groups of 4 instances whose k-th episodes
 * start alike), learns a contextual bandit and byte sequences, and checks its groups.
 */
class GrpoTest extends LearnerContract {
  @Override
  Learner learner(TorchBrain brain, int instances) {
    return grpo(brain, instances, 4);
  }

  static Grpo grpo(TorchBrain brain, int instances, int group) {
    return new Grpo(brain, new GrpoConfig(group, 2e-3, 4, 64, 0.2, 0.99, 1.0, 0.01), LearnConfig.defaults().optimizer(),
        Schedule.constant(2e-3), instances, SEED);
  }

  @Override
  int iterations() {
    return 60;
  }

  @Test
  void learnsAContextualBandit() {
    try (TorchBrain brain = TorchBrain.create(shape(), SEED);
        WorldBatch worlds = WorldBatch.of(SignWorld::new, 8);
        Grpo grpo = grpo(brain, 8, 4)) {
      Loop loop = new Loop(brain, worlds, grpo, ENCODING, 16, SEED);
      for (int i = 0; i < 40 && !(loop.episodes.successRate() > 0.9); i++) {
        loop.iterate();
      }
      assertThat(loop.episodes.successRate()).isGreaterThan(0.9);
    }
  }

  @Test
  void learnsToWriteLowBytes() {
    try (TorchBrain brain = TorchBrain.create(shape(), SEED);
        WorldBatch worlds = WorldBatch.of(LowBytesWorld::new, 8);
        Grpo grpo = grpo(brain, 8, 4)) {
      Loop loop = new Loop(brain, worlds, grpo, ENCODING, 4, SEED);
      loop.iterate();
      double first = loop.episodes.meanReturn();
      for (int i = 0; i < 40 && !(loop.episodes.meanReturn() > 0.8); i++) {
        Stats s = loop.iterate();
        System.out.printf("grpo sequences iter %d · return %.3f · %s%n", i, loop.episodes.meanReturn(), s.metrics());
      }
      assertThat(first).as("random bytes are low half of the time").isLessThan(0.65);
      assertThat(loop.episodes.meanReturn()).isGreaterThan(0.8);
    }
  }

  @Test
  void instancesMustSplitIntoWholeGroups() {
    try (TorchBrain brain = TorchBrain.create(shape(), SEED)) {
      assertThatThrownBy(() -> grpo(brain, 6, 4))
          .hasMessageContaining("make world.batch a multiple of learn.grpo.group");
    }
  }
}
