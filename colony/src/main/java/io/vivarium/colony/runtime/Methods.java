package io.vivarium.colony.runtime;

import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Spec;

/**
 * Which learning method a colony's agents use in their world: {@code learn.method}, or for
 * {@code auto} the one that fits the world — {@code bc+ppo} for one-byte actions with an expert
 * to clone, {@code ppo} for one-byte actions without one, {@code bc+grpo} for byte sequences with
 * an expert answer to clone, {@code grpo} for byte sequences without one — the phases of the
 * compositions, and how long a turn is. Stateless.
 */
final class Methods {
  private Methods() {}

  /**
   * The method agents use under {@code config} in a world of {@code spec} that has the expert of
   * its kind of action or not (a move for one-byte actions, an answer for byte sequences).
   */
  static LearnMethod resolve(VivariumConfig config, Spec spec, boolean expert) {
    LearnMethod m = config.learn().learnMethod();
    if (m != LearnMethod.AUTO) {
      return m;
    }
    if (!ActionSpace.of(spec).oneByte()) {
      return expert ? LearnMethod.BC_GRPO : LearnMethod.GRPO;
    }
    return expert ? LearnMethod.BC_PPO : LearnMethod.PPO;
  }

  /**
   * The learner a newborn of {@code method} starts with at {@code steps} environment steps:
   * cloning for founders of a composition ({@code bc+ppo}, {@code bc+grpo}) younger than {@code
   * bcSteps}, else the composition's second learner; a single method is its own.
   */
  static LearnMethod firstPhase(LearnMethod method, boolean founder, long steps, long bcSteps) {
    if (method.single()) {
      return method;
    }
    return founder && steps < bcSteps ? LearnMethod.BC : method.afterCloning();
  }

  /** Whether an agent cloning in {@code phase} under {@code method} is done at {@code steps} steps: the switch is due. */
  static boolean cloningDone(LearnMethod method, LearnMethod phase, long steps, long bcSteps) {
    return phase == LearnMethod.BC && !method.single() && steps >= bcSteps;
  }

  /** Steps per instance in one turn: {@code colony.turnSteps}, or 32 for one-byte actions and 4 for sequences. */
  static int turnSteps(VivariumConfig config, Spec spec) {
    int t = config.colony().turnSteps();
    return t > 0 ? t : ActionSpace.of(spec).oneByte() ? 32 : 4;
  }
}
