package io.vivarium.brain.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Channel;
import io.vivarium.core.world.WorldBatch;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behaviour cloning and DAgger copy the expert; a world without one is refused clearly. */
class ImitationTest {
  private static final Encoding ENCODING = new Encoding(List.of(Channel.VIDEO), 16, 2, true);

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void aStopCheckEndsTheIterationBetweenWholeUpdates() {
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(1, 2, 16, 32, 0), 3);
        CorridorWorld.Batch worlds = new CorridorWorld.Batch(8);
        Imitation bc = new Imitation(brain, worlds, ENCODING, Imitation.Options.defaults(false), 3)) {
      int[] asked = {0};
      bc.setStopCheck(() -> ++asked[0] > 5);
      bc.iterate();
      assertThat(bc.optimizerSteps()).isEqualTo(5);
    }
  }

  @Test
  void cloningAndDaggerReachTheExpertsSuccess() {
    for (boolean dagger : new boolean[] {false, true}) {
      try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(2, 4, 32, 32, 0), 3);
          CorridorWorld.Batch worlds = new CorridorWorld.Batch(8);
          Imitation bc = new Imitation(brain, worlds, ENCODING, Imitation.Options.defaults(dagger), 3)) {
        Imitation.Stats s = null;
        for (int i = 0; i < 12; i++) {
          s = bc.iterate();
        }
        System.out.printf("dagger %s · loss %.4f · accuracy %.3f · success %.2f%n", dagger, s.loss(), s.accuracy(),
            s.successRate());
        assertThat(s.accuracy()).as("agreement with the expert, dagger %s", dagger).isGreaterThan(0.95);
        if (dagger) {
          assertThat(s.successRate()).as("the brain itself drives under DAgger").isGreaterThan(0.9);
        }
        // The value head learned the episodes' returns: an optimal corridor episode pays
        // 1 − 0.9·3/8 = 0.6625 on its third step, so every state of it is worth about 0.65.
        float value = new BatchActor(brain, worlds, ENCODING).policy(List.of(bc.input(0)))[1][0];
        assertThat(value).as("value of a state, dagger %s", dagger).isBetween(0.45f, 0.85f);
      }
    }
  }

  @Test
  void withTheBrainDrivingPartOfTheBatchOnlyItsOwnEpisodesAreCounted() {
    for (double drive : new double[] {0, 0.5}) {
      try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(2, 4, 32, 32, 0), 3);
          CorridorWorld.Batch worlds = new CorridorWorld.Batch(8);
          Imitation bc = new Imitation(brain, worlds, ENCODING, Imitation.Options.defaults(false).withDrive(drive)
              .withUpdates(0), 3)) {
        Imitation.Stats s = null;
        for (int i = 0; i < 4; i++) {
          s = bc.iterate(); // no update: the brain stays untrained
        }
        assertThat(s.episodes()).isPositive();
        if (drive == 0) {
          assertThat(s.successRate()).as("the expert's episodes").isEqualTo(1.0);
        } else {
          assertThat(s.successRate()).as("an untrained brain's own episodes").isLessThan(0.9);
        }
      }
    }
  }

  @Test
  void aWorldWithoutAnExpertIsRefused() {
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(2, 4, 32, 32, 0), 3);
        WorldBatch worlds = WorldBatch.of(CorridorWorld::new, 2)) {
      assertThatThrownBy(() -> new Imitation(brain, worlds, ENCODING, Imitation.Options.defaults(false), 3))
          .hasMessageContaining("imitation needs a world with an expert; corridor has none");
    }
  }
}
