package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's recent outputs: round trip, pruning per agent, validation. */
class RegistryOutputsTest extends OnBothDatabases {
  private static final String EXEC_DETAILS = """
      {"outcome":"signal 11 (SIGSEGV)","exit":null,"signal":11,"syscalls":3,"histogram":{"read":2,"getpid":1},
      "rewards":{"syscall-evenness":0.918,"distinct-calls":0.125}}""";


  private static OutputRow row(String agent, long step) {
    return new OutputRow(agent, step, new byte[] {(byte) step, (byte) 0xff}, step / 10.0, "{}", 1000 + step);
  }

  @Test
  void outputsRoundTripNewestFirst() {
    byte[] program = {(byte) 0xb8, 0x27, 0, 0, 0, 0x0f, 0x05};
    try (Registry r = Registry.open(where)) {
      r.addOutputs(List.of(new OutputRow("a0001", 7, program, 0.918, EXEC_DETAILS, 1234), row("a0001", 8)));
      List<OutputRow> out = r.outputs("a0001", 10);
      assertThat(out).hasSize(2);
      assertThat(out.get(0).step()).isEqualTo(8);
      OutputRow first = out.get(1);
      assertThat(first.bytes()).containsExactly(program);
      assertThat(first.reward()).isEqualTo(0.918);
      assertThat(first.details()).isEqualTo(EXEC_DETAILS);
      assertThat(first.timeMillis()).isEqualTo(1234);
      assertThat(r.outputs("a0001", 1)).extracting(OutputRow::step).containsExactly(8L);
      assertThat(r.outputs("a0002", 10)).isEmpty();
    }
  }

  @Test
  void keepsTheNewestOutputsOfEachAgentWrittenAndNoOtherAgents() {
    try (Registry r = Registry.open(where)) {
      r.addOutputs(List.of(row("b0001", 1), row("b0001", 2)));
      List<OutputRow> many = new ArrayList<>();
      for (int s = 0; s < Registry.KEEP_OUTPUTS + 100; s++) {
        many.add(row("a0001", s));
      }
      r.addOutputs(many.subList(0, 300));
      r.addOutputs(many.subList(300, many.size()));
      List<OutputRow> kept = r.outputs("a0001", 10_000);
      assertThat(kept).hasSize(Registry.KEEP_OUTPUTS);
      assertThat(kept.get(0).step()).isEqualTo(Registry.KEEP_OUTPUTS + 99);
      assertThat(kept.get(kept.size() - 1).step()).as("the oldest kept").isEqualTo(100);
      assertThat(r.outputs("b0001", 10)).extracting(OutputRow::step).containsExactly(2L, 1L);
    }
  }

  @Test
  void aBadRowIsRejectedNamingTheFieldAndTheFix() {
    assertThatThrownBy(() -> new OutputRow("A 1", 0, new byte[0], 0, "{}", 0)).hasMessageContaining("agent id");
    assertThatThrownBy(() -> new OutputRow("a0001", -1, new byte[0], 0, "{}", 0))
        .hasMessageContaining("step of a0001 must be >= 0; got -1");
    assertThatThrownBy(() -> new OutputRow("a0001", 0, null, 0, "{}", 0)).hasMessageContaining("output bytes");
    assertThatThrownBy(() -> new OutputRow("a0001", 0, new byte[OutputRow.MAX_BYTES + 1], 0, "{}", 0))
        .hasMessageContaining("at most " + OutputRow.MAX_BYTES + " bytes; got " + (OutputRow.MAX_BYTES + 1));
    assertThatThrownBy(() -> new OutputRow("a0001", 0, new byte[0], Double.NaN, "{}", 0))
        .hasMessageContaining("reward of a0001 must be finite; got NaN");
    for (String bad : new String[] {"[1, 2]", "not json", "", "\"x\"", "{\"a\":"}) {
      assertThatThrownBy(() -> new OutputRow("a0001", 0, new byte[0], 0, bad, 0)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("details of a0001 must be a JSON object").hasMessageContaining("use {} for none");
    }
    assertThatThrownBy(() -> new OutputRow("a0001", 0, new byte[0], 0, null, 0)).hasMessageContaining("got null");
    assertThatThrownBy(() -> new OutputRow("a0001", 0, new byte[0], 0, "{}", -5))
        .hasMessageContaining("time of a0001 must be >= 0 ms; got -5");
    assertThat(new OutputRow("a0001", 0, new byte[0], 0, "{\"any\":[1,{\"x\":null}]}", 0).details()).contains("any");
  }

  @Test
  void worldMeansAverageTheNewestValueOfAliveAgents() {
    try (Registry r = Registry.open(where)) {
      assertThat(WorldMeans.of(r)).isEmpty();
      assertThat(WorldMeans.text(WorldMeans.of(r))).isEmpty();
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 1, 0, null));
      r.putAgent(new AgentRow("a0002", null, 0, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0, 2, 0, null));
      r.putAgent(new AgentRow("a0003", null, 0, AgentState.DEAD, "exec-machine-64", "tiny", 0, 0, 3, 9, null));
      r.addMetrics(List.of(
          new MetricRow("a0001", 1, "world.evenness", 0.9, 1), new MetricRow("a0001", 1, "world.distinct_calls", 0.5, 1),
          new MetricRow("a0001", 2, "world.evenness", 0.25, 2), new MetricRow("a0002", 5, "world.evenness", 0.75, 2),
          new MetricRow("a0003", 9, "world.evenness", 100, 3), new MetricRow("a0003", 9, "world.dead_only", 1, 3),
          new MetricRow("a0001", 2, "success", 1, 2), new MetricRow("a0001", 2, "worldly", 1, 2)));
      assertThat(WorldMeans.of(r)).containsExactly(
          java.util.Map.entry("evenness", 0.5), java.util.Map.entry("distinct_calls", 0.5));
      assertThat(WorldMeans.text(WorldMeans.of(r))).isEqualTo("evenness 0.50 · distinct_calls 0.50");
    }
  }
}
