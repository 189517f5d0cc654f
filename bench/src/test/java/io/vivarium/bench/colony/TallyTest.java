package io.vivarium.bench.colony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tally counts each turn's steps as the difference of its agent's step counts, and only turns in its window. */
class TallyTest {
  @TempDir Path dir;

  @Test
  void turnsInTheWindowAreCountedWithTheirStepsAndPhase() {
    try (Registry reg = Registry.open(dir.resolve("colony.db"))) {
      for (String id : List.of("a0001", "a0002")) {
        reg.putAgent(new AgentRow(id, null, 0, AgentState.ALIVE, "gold-bare-5x5", "tiny", 0, 0, 0, 0, null));
      }
      reg.addMetrics(List.of(
          new MetricRow("a0001", 16, "accuracy", 0.5, 1000), // a cloning turn, before the window
          new MetricRow("a0001", 16, "act_seconds", 1.0, 1000),
          new MetricRow("a0001", 16, "learn_seconds", 2.0, 1000),
          new MetricRow("a0001", 48, "act_seconds", 1.5, 3000), // 32 steps of PPO
          new MetricRow("a0001", 48, "learn_seconds", 2.5, 3000),
          new MetricRow("a0002", 16, "accuracy", 0.25, 2500), // a cloning turn of 16 steps
          new MetricRow("a0002", 16, "act_seconds", 0.5, 2500),
          new MetricRow("a0002", 16, "learn_seconds", 0.75, 2500),
          new MetricRow("colony", 64, "steps_per_second", 100, 2600),
          new MetricRow("colony", 80, "steps_per_second", 300, 3100)));

      Tally all = Tally.read(reg, 0);
      assertThat(all.turns()).isEqualTo(3);
      assertThat(all.cloningTurns()).isEqualTo(2);
      assertThat(all.envSteps()).isEqualTo(64);
      assertThat(all.ppoSteps()).isEqualTo(32);

      Tally window = Tally.read(reg, 2000);
      assertThat(window.turns()).isEqualTo(2);
      assertThat(window.cloningTurns()).isEqualTo(1);
      assertThat(window.envSteps()).isEqualTo(48);
      assertThat(window.ppoSteps()).isEqualTo(32);
      assertThat(window.actSeconds()).isEqualTo(2.0);
      assertThat(window.learnSeconds()).isEqualTo(3.25);
      assertThat(window.lastMillis()).isEqualTo(3000);
      assertThat(window.medianStepsPerSecond()).isEqualTo(200);
    }
  }
}
