package io.vivarium.lab.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.learn.Training;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.tb.EventReader;
import io.vivarium.core.tb.EventReader.Decoded;
import io.vivarium.core.world.Worlds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train gold} writes its learning curve as TensorBoard events too, the same numbers as its CSV. */
class GoldTrainingBoardTest {
  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void theCurvesRowsAreEventsAtTheirSteps() throws Exception {
    String preset = "gold-bare-5x5";
    Training.Plan plan = new Training.Plan("ppo", 512, 0.2, Encoding.forSpec(Worlds.get("gold").spec(preset)), 5, 0,
        LearnConfig.defaults());
    BrainShape shape = BrainShape.preset("tiny").with(1, 2, 16, 32, 0).withGroup(Encoding.ONE_BYTE_GROUP);
    Path brain = dir.resolve("gold-ppo.brain");
    List<String> lines = new ArrayList<>();
    GoldTraining.run(plan, preset, false, shape, GoldTraining.EVAL_BATCH, brain, lines::add);
    assertThat(lines).contains("tensorboard: " + dir.resolve("runs").toAbsolutePath());
    List<String> csv = Files.readAllLines(dir.resolve("gold-ppo.brain.csv"));
    List<Decoded> events = EventReader.read(EventReader.onlyFile(dir.resolve("runs/gold-ppo")));
    List<String> header = List.of(csv.get(0).split(","));
    for (String row : csv.subList(1, csv.size())) {
      String[] cells = row.split(",");
      long step = Long.parseLong(cells[header.indexOf("env_steps")]);
      double meanReturn = Double.parseDouble(cells[header.indexOf("mean_return")]);
      assertThat(events).anySatisfy(e -> {
        assertThat(e.tag()).isEqualTo("mean_return");
        assertThat(e.step()).isEqualTo(step);
        assertThat(e.simple()).isEqualTo((float) meanReturn);
      });
    }
    assertThat(events).extracting(Decoded::tag).contains("loss", "success_rate", "steps_per_second")
        .doesNotContain("phase", "env_steps");
  }
}
