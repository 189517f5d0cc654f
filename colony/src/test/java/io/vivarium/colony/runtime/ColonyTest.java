package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replication with mutation, the population cap, lineage and resume, on a small real colony. */
class ColonyTest {
  @TempDir Path dir;

  private static VivariumConfig config(String... extra) {
    List<String> o = new ArrayList<>(List.of("colony.agents=2", "colony.maxAgents=3", "colony.replicateEvery=1",
        "colony.protectTurns=1", "world.preset=gold-bare-5x5", "world.batch=4",
        "bus.enabled=false"));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  @Test
  void agentsReplicateAndTheCapCullsTheLeastFit() {
    DataDir data = new DataDir(dir.resolve("c"));
    List<String> lines = new ArrayList<>();
    try (Colony colony = new Colony(data, config(), lines::add)) {
      assertThat(colony.agentIds()).containsExactly("a0001", "a0002");
      colony.runRounds(4);
      assertThat(colony.agentIds().size()).isLessThanOrEqualTo(3);
    }
    try (Registry r = Registry.openReadOnly(data.registry())) {
      List<AgentRow> all = r.agents();
      Map<String, AgentRow> byId = all.stream().collect(Collectors.toMap(AgentRow::id, a -> a));
      assertThat(all.size()).as("children were born").isGreaterThan(2);
      for (AgentRow a : all) {
        if (a.parent() != null) {
          assertThat(byId).containsKey(a.parent());
          assertThat(a.generation()).isEqualTo(byId.get(a.parent()).generation() + 1);
        }
      }
      assertThat(r.agentsByState().get(AgentState.ALIVE)).isLessThanOrEqualTo(3);
      assertThat(r.agentsByState().get(AgentState.DEAD)).isEqualTo(all.size() - r.agentsByState().get(AgentState.ALIVE));
      assertThat(r.events().after(0, Integer.MAX_VALUE, null, "birth").stream().filter(e -> e.json().contains("\"sigma\"")).count())
          .isEqualTo(all.size() - 2);
      // Every agent, dead or alive, keeps a checkpoint that verifies.
      for (AgentRow a : all) {
        assertThat(data.checkpoints().latest(a.id(), d -> { throw new AssertionError(d.reason()); })).isPresent();
      }
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("gen 1"));
  }

  @Test
  void resumeKeepsLineageAndContinuesNumbering() throws Exception {
    DataDir data = new DataDir(dir.resolve("r"));
    try (Colony colony = new Colony(data, config(), l -> {})) {
      colony.runRounds(2);
    }
    List<String> before;
    try (Registry r = Registry.openReadOnly(data.registry())) {
      before = r.agents().stream().filter(a -> a.state() == AgentState.ALIVE).map(AgentRow::id).toList();
    }
    try (Colony colony = new Colony(data, config(), l -> {})) {
      assertThat(colony.agentIds()).containsExactlyElementsOf(before);
      colony.runRounds(1);
    }
    try (Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(r.agents().stream().map(AgentRow::id).distinct().count()).isEqualTo(r.agents().size());
      assertThat(Files.exists(data.root().resolve("config.toml"))).isTrue();
    }
  }

  @Test
  void aLearnerThatDoesNotFitTheWorldIsRefusedBeforeAnythingStarts() {
    Path x = dir.resolve("x");
    assertThatThrownBy(() -> new Colony(new DataDir(x), config("learn.method=bc", "world.name=exec",
        "world.preset=exec-machine-64"), l -> {}))
        .hasMessageContaining("learn.method=bc clones the world's expert, but exec exec-machine-64 has none")
        .hasMessageContaining("use learn.method=grpo or ppo");
    assertThat(Files.exists(x)).isFalse();
  }
}
