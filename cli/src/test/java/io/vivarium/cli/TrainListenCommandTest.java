package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium train listen} end to end, in process: a tiny run reports accuracy beside chance; bad options are one line. */
class TrainListenCommandTest {
  @TempDir Path dir;

  @Test
  void trainsAListenerAndReportsHeldOutAccuracy() {
    Path brain = dir.resolve("listen.brain");
    String[] r = TrainCommandTest.run("--data", dir.toString(), "train", "listen", "--preset", "listen-4", "--steps",
        "256", "--brain-preset", "tiny", "--eval-episodes", "32", "--out", brain.toString(), "brain.layers=1",
        "brain.dim=16", "brain.heads=2");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).startsWith("train listen · bc · listen-4 (yes no up down) · 256 steps")
        .containsPattern("(?m)^heldout_accuracy: [01]\\.\\d{4}$")
        .containsPattern("(?m)^train_accuracy: [01]\\.\\d{4}$")
        .contains("chance: 0.2500")
        .containsPattern("(?m)^speech: clips \\d+ · espeak-ng \\d+\\.\\d s$");
    assertThat(brain).exists();
  }

  @Test
  void badOptionsAreOneClearLine() {
    String[] held = TrainCommandTest.run("--data", dir.toString(), "train", "listen", "--preset", "listen-8-heldout");
    assertThat(held[0]).isEqualTo("1");
    assertThat(held[2]).contains("is an evaluation preset; train on listen-8").doesNotContain("\tat ");
    String[] unknown = TrainCommandTest.run("--data", dir.toString(), "train", "listen", "--preset", "listen-3");
    assertThat(unknown[2]).contains("unknown listen preset 'listen-3'; known presets: [listen-4, listen-8");
  }
}
