package io.vivarium.colony.runtime;

import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Spec;

/**
 * Which learning method a colony's agents use in their world: {@code learn.method}, or for
 * {@code auto} the one that fits the world — {@code bc+ppo} for one-byte actions with an expert
 * to clone, {@code ppo} for one-byte actions without one, {@code grpo} for byte sequences — and
 * how long a turn is. Stateless.
 */
final class Methods {
  private Methods() {}

  /** The method agents use under {@code config} in a world of {@code spec} that has an expert or not. */
  static LearnMethod resolve(VivariumConfig config, Spec spec, boolean expert) {
    LearnMethod m = config.learn().learnMethod();
    if (m != LearnMethod.AUTO) {
      return m;
    }
    if (!ActionSpace.of(spec).oneByte()) {
      return LearnMethod.GRPO;
    }
    return expert ? LearnMethod.BC_PPO : LearnMethod.PPO;
  }

  /** The learner a newborn of {@code method} starts with: cloning first for bc+ppo founders. */
  static LearnMethod firstPhase(LearnMethod method, boolean founder) {
    return method == LearnMethod.BC_PPO ? founder ? LearnMethod.BC : LearnMethod.PPO : method;
  }

  /** Steps per instance in one turn: {@code colony.turnSteps}, or 32 for one-byte actions and 4 for sequences. */
  static int turnSteps(VivariumConfig config, Spec spec) {
    int t = config.colony().turnSteps();
    return t > 0 ? t : ActionSpace.of(spec).oneByte() ? 32 : 4;
  }
}
