package io.vivarium.colony.runtime;

import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.WorldBatch;

/**
 * Which learning method a colony's agents use in their world: {@code learn.method}, or for
 * {@code auto} the one that fits the world — {@code bc+ppo} for one-byte actions with an expert
 * to clone, {@code ppo} for one-byte actions without one, {@code grpo} for byte sequences — and
 * how long a turn is. Stateless.
 */
final class Methods {
  private Methods() {}

  /** The method agents in {@code batch}'s world use under {@code config}. */
  static String resolve(VivariumConfig config, WorldBatch batch) {
    String m = config.learn().method();
    if (!m.equals("auto")) {
      return m;
    }
    if (!ActionSpace.of(batch.spec()).oneByte()) {
      return "grpo";
    }
    return batch instanceof Expert ? "bc+ppo" : "ppo";
  }

  /** The learner a newborn of {@code method} starts with: cloning first for bc+ppo founders. */
  static String firstPhase(String method, boolean founder) {
    return switch (method) {
      case "bc+ppo" -> founder ? "bc" : "ppo";
      default -> method;
    };
  }

  /** Steps per instance in one turn: {@code colony.turnSteps}, or 32 for one-byte actions and 4 for sequences. */
  static int turnSteps(VivariumConfig config, WorldBatch batch) {
    int t = config.colony().turnSteps();
    return t > 0 ? t : ActionSpace.of(batch.spec()).oneByte() ? 32 : 4;
  }
}
