package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vivarium train repair} and {@code vivarium eval --world repair} with a brain file end
 * to end, in process, with a tiny brain trained for a few iterations (behaviour, not quality).
 */
class TrainRepairCommandTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    return TrainCommandTest.run(args);
  }

  @Test
  void trainsSavesLoadsAndAnswers() {
    Path brain = dir.resolve("repair.brain");
    String[] r = run("--data", dir.toString(), "train", "repair", "--brain-preset", "tiny", "--iters", "3",
        "--batch", "4", "--block", "64", "--passages", "100", "--eval-episodes", "1", "--out", brain.toString(),
        "brain.layers=1");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("train repair · language model").containsPattern("(?m)^iters: 3$")
        .containsPattern("(?m)^val_loss: \\d+\\.\\d+$").containsPattern("(?m)^mean_reward: -?\\d+\\.\\d+$")
        .contains("brain: " + brain).contains("tensorboard: " + dir.resolve("runs").toAbsolutePath());
    assertThat(brain).exists();
    assertThat(dir.resolve("runs/repair")).isDirectoryContaining("glob:**/events.out.tfevents.*");
    // each brain solver learns its n-gram and calibrates its margins: one is enough here (train
    // repair's own evaluation above ran heuristic+brain)
    String[] e = run("eval", "--world", "repair", "--solver", "identity," + brain, "--episodes", "2");
    assertThat(e[0]).as(e[2]).isEqualTo("0");
    assertThat(e[1]).contains("solver: brain").contains("brain exact/reward")
        .containsPattern("(?m)^mean_reward: -?\\d+\\.\\d+$");
  }

  @Test
  void badInputIsOneClearLine() throws Exception {
    String[] noBrain = run("eval", "--world", "repair", "--solver", "brain", "--episodes", "1");
    assertThat(noBrain[0]).isEqualTo("1");
    assertThat(noBrain[2]).contains("--solver brain needs --brain FILE");
    String[] missing = run("eval", "--world", "repair", "--solver", dir.resolve("gone.brain").toString());
    assertThat(missing[0]).isEqualTo("1");
    assertThat(missing[2]).contains("gone.brain, which does not exist");
    Path junk = Files.writeString(dir.resolve("junk.brain"), "not a brain");
    String[] bad = run("eval", "--world", "repair", "--solver", junk.toString(), "--episodes", "1");
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[2]).contains("junk.brain");
    String[] block = run("--data", dir.toString(), "train", "repair", "--brain-preset", "tiny", "--block", "999");
    assertThat(block[0]).isEqualTo("1");
    assertThat(block[2]).contains("--block must be at most the brain's block");
    String[] minutes = run("--data", dir.toString(), "train", "repair", "--minutes", "0");
    assertThat(minutes[0]).isEqualTo("1");
    assertThat(minutes[2]).contains("--minutes must be positive; got 0.0");
    String[] preset = run("--data", dir.toString(), "train", "repair", "--preset", "nope");
    assertThat(preset[0]).isEqualTo("1");
    assertThat(preset[2]).contains("known presets");
  }
}
