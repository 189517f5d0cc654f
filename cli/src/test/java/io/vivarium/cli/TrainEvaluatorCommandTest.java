package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium train evaluator} end to end with a tiny brain for a few steps (behaviour, not quality). */
class TrainEvaluatorCommandTest {
  @TempDir Path dir;

  @Test
  void trainsAndReportsAgreement() {
    Path brain = dir.resolve("judge.brain");
    String[] r = TrainCommandTest.run("--data", dir.toString(), "train", "evaluator", "--world", "chat",
        "--brain-preset", "tiny", "--iters", "3", "--batch", "4", "--examples", "40", "--held-out", "20",
        "--out", brain.toString(), "brain.layers=1");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("train evaluator · chat").containsPattern("(?m)^agreement=\\d\\.\\d{3} precision_yes=")
        .contains("majority=").contains("brain: " + brain);
    assertThat(brain).exists();
  }

  @Test
  void anUnknownWorldIsOneClearLine() {
    String[] r = TrainCommandTest.run("--data", dir.toString(), "train", "evaluator", "--world", "gold");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("--world must be repair or chat; got 'gold'");
  }
}
