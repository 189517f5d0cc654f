package io.vivarium.zoo;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real small colony for the zookeeper's tests: two PPO agents in the 5×5 gold world, with turns
 * of 64 steps so that two rounds end an episode of every instance (the preset truncates at 100).
 */
final class SmallColony {
  private SmallColony() {}

  static VivariumConfig config(String... extra) {
    List<String> o = new ArrayList<>(List.of("colony.agents=2", "colony.maxAgents=3", "colony.replicateEvery=1",
        "colony.protectTurns=1", "world.preset=gold-bare-5x5", "world.batch=2", "bus.enabled=false", "learn.method=ppo",
        "colony.turnSteps=64"));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  /** Runs a colony in {@code root} for {@code rounds} rounds and stops it (its episodes are recorded). */
  static DataDir stopped(Path root, int rounds) {
    DataDir dir = new DataDir(root);
    try (Colony colony = new Colony(dir, config(), l -> {})) {
      colony.runRounds(rounds);
    }
    return dir;
  }

  /** Records an episode whose actions are not the world's (a replay of it must be refused). */
  static void addForeignEpisode(DataDir dir) {
    try (Registry r = Registry.open(dir.registry())) {
      r.addEpisode("a0001", "gold", "gold-bare-5x5", 0, 42, 3, 0.0, false, "LLR".getBytes());
    }
  }

  /**
   * Records learner statistics for {@code agent} after its last step: 25 turns of an entropy
   * that collapsed (0.001 nats, so the learning-health rule flags it) and a value loss.
   */
  static void addLearnerStats(DataDir dir, String agent) {
    try (Registry r = Registry.open(dir.registry())) {
      long from = r.metrics().series(agent, "return", -1, 1).stream().mapToLong(p -> p.step()).max().orElse(0);
      for (int i = 1; i <= 25; i++) {
        r.addMetric(agent, from + i, "entropy", 0.001);
        r.addMetric(agent, from + i, "value_loss", 1.0 / i);
      }
    }
  }
}
