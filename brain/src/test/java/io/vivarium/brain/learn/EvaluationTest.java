package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainedFor;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.core.Channel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Greedy and sampled evaluation play a fixed set of episodes, repeatably for a seed. */
class EvaluationTest {
  private static final Encoding ENCODING = new Encoding(List.of(Channel.VIDEO), 16, 2, true);

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void greedyAndSampledAreRepeatableAndCountEveryEpisode() {
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(1, 4, 32, 32, 0), 3);
        CorridorWorld.Batch worlds = new CorridorWorld.Batch(8)) {
      for (boolean sample : new boolean[] {false, true}) {
        Evaluation.Result a = Evaluation.brain(brain, worlds, ENCODING, 4, 11, sample);
        Evaluation.Result b = Evaluation.brain(brain, worlds, ENCODING, 4, 11, sample);
        assertThat(a).as("sample %s", sample).isEqualTo(b);
        assertThat(a.episodes()).isEqualTo(32);
      }
      Evaluation.Result sampled = Evaluation.brain(brain, worlds, ENCODING, 4, 11, true);
      assertThat(sampled.successRate()).as("an untrained policy's random walk sometimes finds the gold")
          .isGreaterThan(0);
      assertThat(Evaluation.brain(brain, worlds, ENCODING, 4, 11)).isEqualTo(Evaluation.brain(brain, worlds, ENCODING,
          4, 11, false));
      assertThat(Evaluation.expert(worlds, 4, 11).successRate()).isEqualTo(1.0);
    }
  }

  @Test
  void aBrainTrainedOnAnotherEncodingIsRefusedByName() {
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(1, 4, 32, 32, 0), 3);
        CorridorWorld.Batch worlds = new CorridorWorld.Batch(8)) {
      brain.setTrainedFor(Training.trainedFor(worlds.spec(), ENCODING));
      assertThat(Evaluation.brain(brain, worlds, ENCODING, 1, 11).episodes()).isEqualTo(8);
      brain.setTrainedFor(new TrainedFor("corridor", "corridor-wide", "video:16 reward actions:2 prefix:24"));
      assertThatThrownBy(() -> Evaluation.brain(brain, worlds, ENCODING, 1, 11))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("trained on corridor corridor-wide (video:16 reward actions:2 prefix:24)")
          .hasMessageContaining("this evaluation encodes corridor corridor (video:7 reward actions:2")
          .hasMessageContaining("--preset corridor-wide");
    }
  }
}
