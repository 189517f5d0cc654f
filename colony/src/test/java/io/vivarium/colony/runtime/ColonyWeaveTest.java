package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.BlockRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.LearnMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A colony of weaving agents ({@code world.mode=weave}) in the repair world: founders clone the
 * expert's well-formed ticks first ({@code bc+grpo}), and every agent's ticks reach the registry
 * as blocks, with the share of well-formed ticks as a world metric.
 */
class ColonyWeaveTest {
  @TempDir Path dir;

  @Test
  void weavingAgentsRecordTheirTicksAsBlocks() {
    DataDir data = new DataDir(dir.resolve("weave"));
    var config = ConfigResolver.resolve(null, List.of("world.name=repair", "world.preset=repair-short-single",
        "world.mode=weave", "colony.agents=1", "world.batch=4", "learn.grpo.group=4", "colony.turnSteps=4",
        "bus.enabled=false", "memory.enabled=false"));
    try (Colony colony = new Colony(data, config, l -> { })) {
      assertThat(colony.method).isEqualTo(LearnMethod.BC_GRPO);
      colony.runRounds(1);
    }
    try (Registry r = Registry.openReadOnly(data.registry())) {
      List<BlockRow> blocks = r.blocks("a0001", 100);
      assertThat(blocks).as("instance 0's ticks of a turn of 4 steps").isNotEmpty();
      assertThat(blocks.stream().map(BlockRow::tick).distinct().count()).isEqualTo(4);
      assertThat(blocks).extracting(BlockRow::type).contains("observation", "evaluation");
      assertThat(blocks.get(blocks.size() - 1).block()).as("block #1 is the first sight, not recorded").isEqualTo(2);
      assertThat(r.metrics().names("a0001")).contains("world.well_formed", "world.mean_reward");
      var ticks = io.vivarium.colony.replay.Woven.ticks(r, "a0001", 3);
      assertThat(ticks).hasSize(3);
      assertThat(ticks.get(2).get(0).tick()).as("oldest first, the newest last").isEqualTo(4);
      assertThat(io.vivarium.colony.replay.Woven.text(ticks.get(2))).startsWith("## tick #4 · episode ")
          .contains("#startblock type: observation\n#timestamp ").endsWith("#endblock\n");
      assertThat(r.episodes().count("a0001")).as("the brain-driven instances' episodes").isPositive();
    }
  }

  @Test
  void aWorldWithoutToolsCannotBeWoven() {
    var config = ConfigResolver.resolve(null, List.of("world.name=gold", "world.mode=weave", "bus.enabled=false"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Preflight.plan(config))
        .hasMessage("world.mode=weave: world gold offers no tools to weave; weave repair, chat or terminal, or set"
            + " world.mode=plain");
  }
}
