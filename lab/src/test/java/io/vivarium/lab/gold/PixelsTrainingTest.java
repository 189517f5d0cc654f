package io.vivarium.lab.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.Training;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.Channel;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.Worlds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gold read through its picture ({@code +pixels}): patches reach the brain, and cloning and PPO both update it. */
class PixelsTrainingTest {
  private static final String PRESET = "gold-bare-5x5+pixels";

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void sensesGiveSevenBySevenPatchesAndNoVideoBytes() {
    try (WorldBatch b = Worlds.get("gold").batch(PRESET, 2)) {
      b.reset(7);
      Encoding e = Encoding.forSpec(b.spec()).withGroup(Encoding.ONE_BYTE_GROUP);
      List<BrainInput> in = new Senses(b.spec(), e, 2).inputs(b, 2);
      // 7×7 cells with the walls at 4 pixels each: 28×28 pixels, one 4×4 patch per cell
      assertThat(in.get(0).patches().count()).isEqualTo(49);
      assertThat(in.get(0).patches().patch()).isEqualTo(BrainShape.PATCH);
      for (byte c : in.get(0).channels()) {
        assertThat(c).isNotEqualTo((byte) Channel.VIDEO.ordinal());
      }
      assertThat(in.get(0).tokens().length % Encoding.ONE_BYTE_GROUP).isZero();
    }
  }

  @Test
  void cloningThenPpoUpdateABrainThatReadsThePicture() {
    Encoding encoding = Encoding.forSpec(Worlds.get("gold").spec(PRESET));
    List<Training.Point> points = new ArrayList<>();
    BrainShape shape = BrainShape.preset("tiny").with(1, 2, 16, 32, 0).withGroup(Encoding.ONE_BYTE_GROUP);
    try (TorchBrain brain = TorchBrain.create(shape, 3)) {
      Training.run(brain, () -> Worlds.get("gold").batch(PRESET, 8),
          new Training.Plan("bc+ppo", 1280, 0.2, encoding, 3), points::add);
      assertThat(brain.trainedFor().orElseThrow().encoding()).startsWith("picture:7x7/4 text:12 ");
    }
    List<String> phases = points.stream().map(Training.Point::phase).toList();
    assertThat(phases).contains("bc", "ppo");
    for (Training.Point p : points) {
      assertThat(p.stats().updates()).as("%s updates", p.phase()).isPositive();
      assertThat(p.stats().metrics()).allSatisfy((k, v) -> assertThat(v).as(k).isFinite());
    }
  }
}
