package io.vivarium.brain.learn;

import io.vivarium.brain.TorchBrain;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.config.LearnMethod;

/**
 * Makes the learner of a method from the configuration tree: {@code bc} (the mixture
 * {@code learn.bc.drive} says), {@code dagger} (the brain drives every instance), {@code ppo},
 * {@code grpo}. {@code bc+ppo} and {@code bc+grpo} are two of them in turn; their owner switches.
 * PPO and cloning score sequences at {@code learn.grpo.temperature}, the temperature actors
 * sample them at; PPO and GRPO keep a
 * reference brain when {@code learn.klRef} is above 0. Stateless.
 */
public final class Learners {
  private Learners() {}

  /**
   * The learner of {@code method} for {@code brain} playing {@code instances} worlds, with the
   * learning rate from {@code schedule}'s peak.
   *
   * @throws IllegalArgumentException for an unknown method (the known ones are listed)
   */
  public static Learner create(LearnMethod method, TorchBrain brain, LearnConfig c, Schedule schedule, int instances,
      long seed) {
    return switch (method) {
      case BC -> new Imitation(brain, c.bc(), c.optimizer(), schedule, instances, seed, c.grpo().temperature());
      case DAGGER -> new Imitation(brain, c.bc().withDrive(1), c.optimizer(), schedule, instances, seed,
          c.grpo().temperature());
      case PPO -> near(new Ppo(brain, c.ppo(), c.optimizer(), schedule, instances, seed, c.grpo().temperature()),
          c.klRef());
      case GRPO -> near(new Grpo(brain, c.grpo(), c.optimizer(), schedule, instances, seed), c.klRef());
      case AUTO, BC_PPO, BC_GRPO -> throw new IllegalArgumentException("learning method " + method + " is not one learner; "
          + "its owner runs them in turn (one of " + LearnMethod.keys(LearnMethod.BC, LearnMethod.DAGGER,
          LearnMethod.PPO, LearnMethod.GRPO) + ")");
    };
  }

  /** {@code learner}, kept near its brain as it is now with weight {@code klRef} (0 = off). */
  private static Learner near(OptimizedLearner learner, double klRef) {
    try {
      learner.keepNear(klRef);
      return learner;
    } catch (RuntimeException e) {
      learner.close();
      throw e;
    }
  }

  /** The peak learning rate of {@code method}: learn.bc.lr for cloning, learn.grpo.lr for GRPO, learn.lr for PPO. */
  public static double peakLr(LearnMethod method, LearnConfig c) {
    return switch (method) {
      case BC, DAGGER -> c.bc().lr();
      case GRPO -> c.grpo().lr();
      case PPO, AUTO, BC_PPO, BC_GRPO -> c.lr();
    };
  }

  /** The learner of {@code method} with a constant learning rate (the colony's: it runs open-ended). */
  public static Learner create(LearnMethod method, TorchBrain brain, LearnConfig c, int instances, long seed) {
    return create(method, brain, c, Schedule.of(c.schedule(), peakLr(method, c), 0), instances, seed);
  }
}
