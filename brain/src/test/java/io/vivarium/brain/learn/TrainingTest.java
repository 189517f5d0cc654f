package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.core.Channel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Combined schedules run their phases in order on one batch of worlds, every point carries its
 * update's numbers, and the brain records its encoding.
 */
class TrainingTest {
  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void bcPlusPpoClonesThenReinforcesOnTheSameBatch() {
    Encoding encoding = new Encoding(List.of(Channel.VIDEO), 16, 2, true);
    List<CorridorWorld.Batch> made = new ArrayList<>();
    List<Training.Point> points = new ArrayList<>();
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(1, 2, 16, 32, 0), 5)) {
      Training.run(brain, () -> {
        CorridorWorld.Batch b = new CorridorWorld.Batch(8);
        made.add(b);
        return b;
      }, new Training.Plan("bc+ppo", 1500, 0.5, encoding, 5), points::add);
      assertThat(brain.trainedFor()).as("training records what the brain learned through")
          .contains(Training.trainedFor(CorridorWorld.SPEC, encoding));
    }
    // One batch for both phases: a curriculum the cloning grew is still in place for PPO.
    assertThat(made).hasSize(1);
    List<String> phases = points.stream().map(Training.Point::phase).toList();
    assertThat(phases).first().isEqualTo("bc");
    assertThat(phases).last().isEqualTo("ppo");
    assertThat(points.get(points.size() - 1).stats().metrics()).containsKeys("value_loss", "approx_kl");
    assertThat(points.get(points.size() - 1).csv().split(",", -1)).hasSize(Training.Point.csvHeader().split(",").length);
  }
}
