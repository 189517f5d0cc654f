package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.WorldMeans;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusLineTest {
  @TempDir Path dir;

  @Test
  void appendsTheWorldMetricsMeansOnlyWhenThereAreAny() {
    assertThat(StatusLine.format(3, 12, 2, 0.71, "a0017", "a0004", 38_000, Map.of()))
        .isEqualTo("gen 3 · agents 12 (2 hibernating) · success 71% · best a0017 (parent a0004) · 38k steps/s");
    try (Registry r = Registry.open(dir.resolve("colony.db"))) {
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 1, 0, null));
      r.putAgent(new AgentRow("a0002", null, 0, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 2, 0, null));
      r.addMetrics(List.of(new MetricRow("a0001", 4, "world.evenness", 0.25, 1),
          new MetricRow("a0002", 4, "world.evenness", 0.0, 1), new MetricRow("a0002", 4, "world.byte_entropy", 0.71, 1)));
      assertThat(StatusLine.format(0, 2, 0, 0, "a0001", null, 950, WorldMeans.of(r)))
          .isEqualTo("gen 0 · agents 2 (0 hibernating) · success 0% · best a0001 (founder) · 950 steps/s"
              + " · evenness 0.13 · byte_entropy 0.71");
    }
  }
}
