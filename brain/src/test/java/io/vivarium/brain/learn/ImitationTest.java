package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.BcConfig;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.world.WorldBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DAgger keeps the learner contract; cloning copies the expert and fits the value head; a world without an expert is refused. */
class ImitationTest extends LearnerContract {
  @Override
  Learner learner(TorchBrain brain, int instances) {
    return imitation(brain, instances, 1, 16);
  }

  static Imitation imitation(TorchBrain brain, int instances, double drive, int updates) {
    return new Imitation(brain, new BcConfig(drive, 1e-3, 64, updates, 16384), LearnConfig.defaults().optimizer(),
        Schedule.constant(1e-3), instances, SEED);
  }

  @Test
  void cloningReachesTheExpertsChoicesAndLearnsTheValues() {
    try (TorchBrain brain = TorchBrain.create(shape(), 3);
        CorridorWorld.Batch worlds = new CorridorWorld.Batch(8);
        Imitation bc = imitation(brain, 8, 0, 16)) {
      Loop loop = new Loop(brain, worlds, bc, ENCODING, 32, 3);
      Stats s = null;
      for (int i = 0; i < 12; i++) {
        s = loop.iterate();
      }
      assertThat(s.accuracy()).as("agreement with the expert").isGreaterThan(0.95);
      assertThat(loop.episodes.successRate()).as("the expert drives every instance").isEqualTo(1.0);
      // An optimal corridor episode pays 1 − 0.9·3/8 = 0.6625 on its third step.
      float value = new Actor(ActionSpace.of(worlds.spec()), 1).values(brain, List.of(loop.collector.input(0)))[0];
      assertThat(value).isBetween(0.45f, 0.85f);
    }
  }

  @Test
  void withTheBrainDrivingHalfOnlyItsOwnEpisodesCount() {
    try (TorchBrain brain = TorchBrain.create(shape(), 3);
        CorridorWorld.Batch worlds = new CorridorWorld.Batch(8);
        Imitation bc = imitation(brain, 8, 0.5, 0)) {
      assertThat(bc.needs().brainDriven()).isEqualTo(4);
      Loop loop = new Loop(brain, worlds, bc, ENCODING, 32, 3);
      for (int i = 0; i < 4; i++) {
        loop.iterate(); // no update: the brain stays untrained
      }
      assertThat(loop.episodes.episodes()).isPositive();
      assertThat(loop.episodes.successRate()).as("an untrained brain's own episodes").isLessThan(0.9);
    }
  }

  @Test
  void aWorldWithoutAnExpertIsRefused() {
    try (TorchBrain brain = TorchBrain.create(shape(), 3);
        WorldBatch worlds = WorldBatch.of(CorridorWorld::new, 2);
        Imitation bc = imitation(brain, 2, 0, 16)) {
      Senses senses = new Senses(worlds.spec(), ENCODING, 2);
      assertThatThrownBy(() -> new Collector(brain, worlds, senses, new Actor(ActionSpace.of(worlds.spec()), 1),
          bc.needs(), Seeds.random(1, "x", 0)))
          .hasMessageContaining("cloning needs a world with an expert; corridor has none");
    }
  }
}
