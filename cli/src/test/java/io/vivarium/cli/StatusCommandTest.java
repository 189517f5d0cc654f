package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium status} over a registry written directly: the world metrics' line, generations, exit codes. */
class StatusCommandTest {
  @TempDir Path data;

  private String[] status(String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = new String[extra.length + 3];
    args[0] = "--data";
    args[1] = data.toString();
    args[2] = "status";
    System.arraycopy(extra, 0, args, 3, extra.length);
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    return new String[] {out.toString(), err.toString()};
  }

  private int code(StringWriter out, StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void noColonyAndAMissingDirectoryExitNonZeroWithOneClearLine() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(code(out, err, "--data", data.toString(), "status")).isEqualTo(Main.FAILURE);
    assertThat(err.toString().strip()).startsWith("vivarium: no colony in ").contains("vivarium run --data").doesNotContain("\n");
    assertThat(out.toString()).isEmpty();
    StringWriter missingOut = new StringWriter();
    StringWriter missingErr = new StringWriter();
    Path missing = data.resolve("nowhere");
    assertThat(code(missingOut, missingErr, "--data", missing.toString(), "status")).isEqualTo(Main.FAILURE);
    assertThat(missingErr.toString().strip()).startsWith("vivarium: no data directory ").contains("nowhere")
        .doesNotContain("\n", "Exception");
    StringWriter jsonOut = new StringWriter();
    assertThat(code(jsonOut, new StringWriter(), "--data", missing.toString(), "status", "--json")).isEqualTo(Main.FAILURE);
    assertThat(new ObjectMapper().readTree(jsonOut.toString()).get("colony").isNull()).isTrue();
  }

  @Test
  void generationsAreARangeWithTheMaxAndTheCountSaidOnce() throws Exception {
    try (Registry r = Registry.open(new DataDir(data).registry())) {
      r.recordStart("test", 7, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 1, 0, null));
      r.putAgent(new AgentRow("a0002", "a0001", 1, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 2, 0, null));
      r.putAgent(new AgentRow("a0003", "a0002", 2, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 3, 0, null));
    }
    assertThat(status()[0]).contains("generations:  0–2 (max generation 2, 3 in all)");
    JsonNode s = new ObjectMapper().readTree(status("--json")[0]);
    assertThat(s.get("max_generation").asInt()).isEqualTo(2);
    assertThat(s.get("generation_count").asInt()).isEqualTo(3);
    assertThat(s.has("generations")).isFalse();
  }

  @Test
  void printsTheMeanOfAliveAgentsLatestWorldMetricsOnlyWhenThereAreAny() throws Exception {
    try (Registry r = Registry.open(new DataDir(data).registry())) {
      r.recordStart("test", 7, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 1, 0, null));
      r.putAgent(new AgentRow("a0002", null, 0, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 2, 0, null));
      r.putAgent(new AgentRow("a0003", null, 0, AgentState.DEAD, "exec-machine-64", "tiny", 0, 0, 3, 4, null));
    }
    assertThat(status()[0]).doesNotContain("world:");
    assertThat(new ObjectMapper().readTree(status("--json")[0]).get("world").size()).isZero();
    try (Registry r = Registry.open(new DataDir(data).registry())) {
      r.addMetrics(List.of(new MetricRow("a0001", 1, "world.evenness", 0.5, 1),
          new MetricRow("a0001", 1, "world.distinct_calls", 0.25, 1), new MetricRow("a0001", 1, "world.byte_entropy", 0.5, 1),
          new MetricRow("a0001", 2, "world.evenness", 0.0, 2), new MetricRow("a0002", 3, "world.evenness", 0.25, 3),
          new MetricRow("a0003", 9, "world.evenness", 9, 9)));
    }
    assertThat(status()[0]).contains("world:        evenness 0.13 · distinct_calls 0.25 · byte_entropy 0.50");
    JsonNode world = new ObjectMapper().readTree(status("--json")[0]).get("world");
    assertThat(world.get("evenness").asDouble()).isEqualTo(0.125);
    assertThat(world.get("distinct_calls").asDouble()).isEqualTo(0.25);
  }
}
