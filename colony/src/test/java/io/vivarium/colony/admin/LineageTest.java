package io.vivarium.colony.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lineage drawn from hand-written rows: every line shows its agent's brain size. */
class LineageTest {
  private static AgentRow row(String id, String parent, int gen, AgentState state, String spec, long params,
      double fitness) {
    return new AgentRow(id, parent, gen, state, "gold-bare-6x6", spec, params, fitness, gen, 0, null);
  }

  @Test
  void eachLineShowsTheBrainsShapeAndParameterCount() {
    Lineage l = new Lineage(List.of(
        row("a0001", null, 0, AgentState.DEAD, "tiny", 0, 0.25),
        row("a0002", "a0001", 1, AgentState.ALIVE, "tiny", 93_412, 0.5),
        row("a0007", "a0002", 2, AgentState.ALIVE, "1L·16d·2h", 5_230, 0.812)));
    assertThat(l.tree()).isEqualTo("""
        a0001  gen 0 · dead · tiny · fitness 0.250
        └── a0002  gen 1 · alive · tiny 93k params · fitness 0.500
            └── a0007  gen 2 · alive · 1L·16d·2h 5.2k params · fitness 0.812
        """);
    assertThat(l.of("a0007")).isEqualTo("""
        ancestry: a0001 → a0002 → a0007
        a0007  gen 2 · alive · 1L·16d·2h 5.2k params · fitness 0.812
        """);
  }

  @Test
  void dotDrawsTheWholeColonyOrOneAgentsLine() {
    Lineage l = new Lineage(List.of(
        row("a0001", null, 0, AgentState.DEAD, "tiny", 0, 0.25),
        row("a0002", "a0001", 1, AgentState.ALIVE, "tiny", 93_412, 0.5),
        row("a0003", "a0001", 1, AgentState.FAILED, "tiny", 93_412, 0.1),
        row("a0007", "a0002", 2, AgentState.HIBERNATING, "1L·16d·2h", 5_230, 0.812)));
    assertThat(l.dot(null)).startsWith("digraph lineage {\n").endsWith("}\n")
        .contains("  \"a0001\" -> \"a0002\";\n", "  \"a0001\" -> \"a0003\";\n", "  \"a0002\" -> \"a0007\";\n")
        .contains("  \"a0007\" [label=\"a0007\\ngen 2 · 1L·16d·2h 5.2k params\\nfitness 0.812\", fillcolor=\"#bbdefb\"];\n");
    String one = l.dot("a0002");
    assertThat(one).contains("\"a0001\" -> \"a0002\"", "\"a0002\" -> \"a0007\"", "penwidth=2").doesNotContain("a0003");
    assertThat(l.roots()).extracting(AgentRow::id).containsExactly("a0001");
    assertThat(l.children("a0001")).extracting(AgentRow::id).containsExactly("a0002", "a0003");
  }
}
