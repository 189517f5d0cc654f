package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.EventRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brains that grow and shrink at birth (growth.*), on a small real colony, and resume in their own shape. */
class ColonyGrowthTest {
  @TempDir Path dir;

  private static VivariumConfig config(String... extra) {
    List<String> o = new ArrayList<>(List.of("colony.agents=2", "colony.maxAgents=4", "colony.replicateEvery=1",
        "colony.protectTurns=1", "world.preset=gold-bare-5x5", "world.batch=4", "bus.enabled=false",
        "brain.heads=2", "brain.dim=16"));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  @Test
  void childrenGrowAsConfiguredAndResumeInTheirShape() throws Exception {
    DataDir data = new DataDir(dir.resolve("g"));
    try (Colony colony = new Colony(data, config("brain.layers=1", "growth.probability=1",
        "growth.kinds=deepen,widen,add-head,widen-mlp"), l -> {})) {
      colony.runRounds(3);
    }
    Map<String, BrainShape> shapes = shapes(data);
    try (Registry r = Registry.openReadOnly(data.registry())) {
      List<EventRow> births = r.events().after(0, Integer.MAX_VALUE, null, "birth").stream()
          .filter(e -> e.json().contains("\"sigma\"")).toList();
      assertThat(births).as("children were born").isNotEmpty();
      assertThat(births).allSatisfy(e -> assertThat(e.json()).containsPattern("\"growth\":\"(deepen|widen|add-head|widen-mlp): ")
          .contains("\"parameters\":"));
      for (AgentRow a : r.agents()) {
        BrainShape s = shapes.get(a.id());
        if (a.parent() == null) {
          assertThat(s.layers()).isEqualTo(1);
          assertThat(s.dim()).isEqualTo(16);
        } else {
          BrainShape p = shapes.get(a.parent());
          assertThat(s.parameterCount()).as(a.id() + " grew from its parent").isGreaterThan(p.parameterCount());
          assertThat(s.layers() == p.layers() + 1 || s.dim() == 2 * p.dim() || s.heads() == p.heads() + 1
              || s.mlp() > p.mlp()).as(a.id() + " grew by one operator").isTrue();
        }
      }
    }
    // A grown agent resumes from its checkpoint in its own shape and goes on.
    try (Colony colony = new Colony(data, config("brain.layers=1", "growth.probability=1",
        "growth.kinds=deepen,widen,add-head,widen-mlp"), l -> {})) {
      colony.runRounds(1);
    }
  }

  @Test
  void childrenShrinkByTheirWeakestBlockOrHead() throws Exception {
    shrinks("s", "brain.layers=3", "prune-block,prune-head", "prune-(block|head)",
        (s, p) -> s.layers() == p.layers() - 1 || s.heads() == p.heads() - 1);
  }

  @Test
  void childrenNarrowOrLoseMlpUnits() throws Exception {
    shrinks("w", "brain.layers=1", "narrow,prune-mlp", "(narrow|prune-mlp)",
        (s, p) -> s.dim() == p.dim() / 2 && s.heads() == p.heads() / 2 || s.mlp() == p.mlp() - p.mlp() / 3);
  }

  /**
   * A colony whose every child shrinks by one of {@code kinds}: each child's shape against its
   * parent's passes {@code smaller}, and a birth records the operator.
   */
  private void shrinks(String name, String layers, String kinds, String recorded,
      java.util.function.BiPredicate<BrainShape, BrainShape> smaller) throws Exception {
    DataDir data = new DataDir(dir.resolve(name));
    try (Colony colony = new Colony(data, config(layers, "growth.shrinkProbability=1", "growth.kinds=" + kinds),
        l -> {})) {
      colony.runRounds(2);
    }
    Map<String, BrainShape> shapes = shapes(data);
    try (Registry r = Registry.openReadOnly(data.registry())) {
      List<AgentRow> children = r.agents().stream().filter(a -> a.parent() != null).toList();
      assertThat(children).isNotEmpty();
      for (AgentRow a : children) {
        assertThat(smaller.test(shapes.get(a.id()), shapes.get(a.parent()))).as(a.id() + " shrank by " + kinds)
            .isTrue();
      }
      assertThat(r.events().after(0, Integer.MAX_VALUE, null, "birth")).anySatisfy(
          e -> assertThat(e.json()).containsPattern("\"growth\":\"" + recorded + ": "));
    }
  }

  @Test
  void withoutGrowthChildrenKeepTheirParentsShape() throws Exception {
    DataDir data = new DataDir(dir.resolve("n"));
    try (Colony colony = new Colony(data, config("brain.layers=1"), l -> {})) {
      colony.runRounds(2);
    }
    assertThat(shapes(data).values().stream().map(BrainShape::parameterCount).distinct()).hasSize(1);
    try (Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(r.events().after(0, Integer.MAX_VALUE, null, "birth")).noneSatisfy(
          e -> assertThat(e.json()).contains("\"growth\""));
      assertThat(r.agentsByState().get(AgentState.ALIVE)).isPositive();
    }
  }

  /** Every agent's brain shape, from its newest checkpoint. */
  private static Map<String, BrainShape> shapes(DataDir data) throws Exception {
    try (Registry r = Registry.openReadOnly(data.registry())) {
      return r.agents().stream().collect(Collectors.toMap(AgentRow::id, a -> {
        var loaded = data.checkpoints().latest(a.id(), d -> { throw new AssertionError(d.reason()); }).orElseThrow();
        try (TorchBrain b = TorchBrain.fromBytes(loaded.payload(), a.id())) {
          return b.shape();
        }
      }));
    }
  }
}
