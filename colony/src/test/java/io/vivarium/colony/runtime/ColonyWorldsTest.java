package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.world.Worlds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The colony runs in every world that acts in byte sequences, with the world's default preset
 * and {@code learn.method=auto}: exec's programs in the sandbox learning by GRPO, repair's and
 * chat's answers by cloning their expert's answers first ({@code bc+grpo}), or by PPO when asked
 * (with a reference brain); every learner statistic recorded.
 */
class ColonyWorldsTest {
  @TempDir Path dir;

  @Test
  void sequenceWorldsRunWithTheirDefaultPresetsAndTheMethodThatFits() {
    for (String world : List.of("exec", "repair", "chat")) {
      DataDir data = new DataDir(dir.resolve(world));
      var config = ConfigResolver.resolve(null, List.of("world.name=" + world,
          "world.preset=" + Worlds.get(world).defaultPreset(), "colony.agents=1", "world.batch=4",
          // exec's episodes are one program, repair's one answer: a turn ends episodes of every instance
          "colony.turnSteps=2", "bus.enabled=false", "memory.enabled=false"));
      try (Colony colony = new Colony(data, config, l -> { })) {
        assertThat(colony.method).as(world).isEqualTo(world.equals("exec") ? LearnMethod.GRPO : LearnMethod.BC_GRPO);
        colony.runRounds(2);
        LiveAgent a = colony.find("a0001");
        assertThat(a.envSteps).as(world).isEqualTo(2L * colony.turnSteps * 4);
        assertThat(a.learner.optimizerSteps()).as(world).isPositive();
      }
      try (Registry r = Registry.openReadOnly(data.registry())) {
        assertThat(r.metrics().names("a0001")).as(world).contains("return", "policy_loss", "grad_norm", "lr")
            .containsAll(world.equals("exec") ? List.of("entropy", "approx_kl", "clip_fraction")
                : List.of("accuracy", "exact_match"));
      }
    }
  }

  @Test
  void ppoLearnsSequencesTooWithAReferenceBrain() {
    for (String world : List.of("exec", "repair")) {
      DataDir data = new DataDir(dir.resolve("ppo-" + world));
      var config = ConfigResolver.resolve(null, List.of("world.name=" + world,
          "world.preset=" + Worlds.get(world).defaultPreset(), "colony.agents=1", "world.batch=4",
          "colony.turnSteps=2", "bus.enabled=false", "memory.enabled=false",
          "learn.method=ppo", "learn.ppo.epochs=2", "learn.klRef=0.05"));
      try (Colony colony = new Colony(data, config, l -> { })) {
        assertThat(colony.method).as(world).isEqualTo(io.vivarium.core.config.LearnMethod.PPO);
        colony.runRounds(2);
        assertThat(colony.find("a0001").learner.optimizerSteps()).as(world).isPositive();
      }
      try (Registry r = Registry.openReadOnly(data.registry())) {
        assertThat(r.metrics().names("a0001")).as(world)
            .contains("return", "policy_loss", "value_loss", "entropy", "approx_kl", "kl_ref");
      }
    }
  }

  @Test
  void anExecColonyKeepsWhatItsGroupsSaidWithWhatCameOfIt() {
    DataDir data = new DataDir(dir.resolve("meditation"));
    var config = ConfigResolver.resolve(null, List.of("world.name=exec", "world.preset=exec-machine-64",
        "colony.agents=2", "world.batch=8", "learn.grpo.group=4", "colony.turnSteps=1", "bus.enabled=false",
        "memory.k=1", "memory.contextBytes=64", "learn.grpo.epochs=1"));
    try (Colony colony = new Colony(data, config, l -> { })) {
      colony.runRounds(2);
      colony.memory.memory().refresh();
      assertThat(colony.memory.memory().stats().byKind().get("output")).as("each group's chosen program, stored")
          .isPositive();
    }
    try (Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(r.metrics().names("a0001"))
          .contains("world.evenness", "world.distinct_calls", "world.byte_entropy", "act_seconds", "learn_seconds");
      assertThat(r.episodes().count("a0001")).as("every program is an episode").isEqualTo(2 * 8);
      var outputs = r.outputs("a0001", 100);
      assertThat(outputs).hasSize(2 * 2); // two turns, two groups each
      assertThat(outputs.get(0).details()).contains("\"histogram\"", "\"rewards\"", "\"outcome\"");
    }
  }
}
