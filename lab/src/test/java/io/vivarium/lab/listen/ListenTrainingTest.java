package io.vivarium.lab.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.learn.Training;
import io.vivarium.brain.policy.Encoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short listen tutorial with a tiny brain: it runs, saves the brain and reports accuracy beside chance. */
class ListenTrainingTest {
  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void clonesTheExpertAndReportsHeldOutAccuracy(@TempDir Path dir) throws Exception {
    BrainShape shape = BrainShape.preset("tiny").with(1, 2, 16, 32, 0).withGroup(Encoding.ONE_BYTE_GROUP);
    Training.Plan plan = new Training.Plan("bc", 512, 0.5, ListenTraining.encoding("listen-4"), 5);
    List<String> lines = new ArrayList<>();
    Path file = dir.resolve("listen.brain");
    ListenTraining.run(plan, "listen-4", shape, 32, file, lines::add);
    assertThat(lines.get(0)).startsWith("train listen · bc · listen-4 (yes no up down) · 512 steps");
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("heldout_accuracy: [01]\\.\\d{4}"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("train_accuracy: [01]\\.\\d{4}"));
    assertThat(lines).contains("chance: 0.2500");
    assertThat(file).exists();
    assertThat(Files.readAllLines(dir.resolve("listen.brain.csv")).size()).isGreaterThan(1);
  }

  @Test
  void refusesAHeldOutPresetForTraining() {
    assertThatThrownBy(() -> ListenTraining.checkPreset("listen-8-heldout"))
        .hasMessageContaining("is an evaluation preset; train on listen-8");
  }
}
