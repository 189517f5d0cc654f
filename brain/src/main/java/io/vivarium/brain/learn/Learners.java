package io.vivarium.brain.learn;

import io.vivarium.brain.TorchBrain;
import io.vivarium.core.config.LearnConfig;
import java.util.List;

/**
 * Makes the learner of a method from the configuration tree: {@code bc} (the mixture
 * {@code learn.bc.drive} says), {@code dagger} (the brain drives every instance), {@code ppo},
 * {@code grpo}. {@code bc+ppo} is two of them in turn; its owner switches. Stateless.
 */
public final class Learners {
  /** The single learners' names. */
  public static final List<String> METHODS = List.of("bc", "dagger", "ppo", "grpo");

  private Learners() {}

  /**
   * The learner of {@code method} for {@code brain} playing {@code instances} worlds, with the
   * learning rate from {@code schedule}'s peak.
   *
   * @throws IllegalArgumentException for an unknown method (the known ones are listed)
   */
  public static Learner create(String method, TorchBrain brain, LearnConfig c, Schedule schedule, int instances,
      long seed) {
    return switch (method) {
      case "bc" -> new Imitation(brain, c.bc(), c.optimizer(), schedule, instances, seed);
      case "dagger" -> new Imitation(brain, c.bc().withDrive(1), c.optimizer(), schedule, instances, seed);
      case "ppo" -> new Ppo(brain, c.ppo(), c.optimizer(), schedule, instances, seed);
      case "grpo" -> new Grpo(brain, c.grpo(), c.optimizer(), schedule, instances, seed);
      default -> throw new IllegalArgumentException("unknown learning method '" + method + "'; known methods: "
          + METHODS + " (and bc+ppo, cloning then PPO)");
    };
  }

  /** The peak learning rate of {@code method}: learn.bc.lr for cloning, learn.grpo.lr for GRPO, learn.lr for PPO. */
  public static double peakLr(String method, LearnConfig c) {
    return switch (method) {
      case "bc", "dagger" -> c.bc().lr();
      case "grpo" -> c.grpo().lr();
      default -> c.lr();
    };
  }

  /** The learner of {@code method} with a constant learning rate (the colony's: it runs open-ended). */
  public static Learner create(String method, TorchBrain brain, LearnConfig c, int instances, long seed) {
    return create(method, brain, c, Schedule.of(c.schedule(), peakLr(method, c), 0), instances, seed);
  }
}
