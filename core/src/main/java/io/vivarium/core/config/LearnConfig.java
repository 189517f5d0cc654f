package io.vivarium.core.config;

/**
 * How brains learn: the method, the base learning rate, and every learner's hyper-parameters.
 * The resolved tree is written inside every checkpoint, so a checkpoint says what ran.
 */
public record LearnConfig(
    @Doc("Learning method: auto (the one that fits the world: bc+ppo where there is an expert to clone and "
        + "one-byte actions, ppo for one-byte actions without one, bc+grpo for byte sequences with an expert "
        + "answer to clone, grpo for byte sequences without one), bc (cloning the world's expert: its move, or "
        + "its answer's bytes under teacher forcing), ppo (one-byte actions and byte sequences), grpo "
        + "(group-relative, byte sequences too), bc+ppo (cloning for colony.bcSteps, then PPO), bc+grpo "
        + "(cloning for colony.bcSteps, then GRPO).")
        @OneOf({"auto", "bc", "ppo", "grpo", "bc+ppo", "bc+grpo"}) String method,
    @Doc("Peak learning rate of PPO (a child may perturb it, see colony.perturb); cloning and GRPO have their own (learn.bc.lr, learn.grpo.lr).")
        @Range(min = 0, max = 1) double lr,
    @Doc("Weight of the penalty keeping PPO and GRPO near a frozen copy of the brain taken when its learner is made "
        + "(the k3 estimate of the KL per token, or per one-byte action, reported as kl_ref); 0 = off.")
        @Range(min = 0, max = 100) double klRef,
    PpoConfig ppo,
    GrpoConfig grpo,
    BcConfig bc,
    OptimizerConfig optimizer,
    ScheduleConfig schedule) {

  public static LearnConfig defaults() {
    return new LearnConfig("auto", 2.5e-4, 0, PpoConfig.defaults(), GrpoConfig.defaults(), BcConfig.defaults(),
        OptimizerConfig.defaults(), ScheduleConfig.defaults());
  }

  /** {@link #method()} as a {@link LearnMethod}. */
  public LearnMethod learnMethod() {
    return LearnMethod.of(method);
  }

  /** This configuration with another learning rate. */
  public LearnConfig withLr(double x) {
    return new LearnConfig(method, x, klRef, ppo, grpo, bc, optimizer, schedule);
  }

  /** This configuration with another PPO section. */
  public LearnConfig withPpo(PpoConfig p) {
    return new LearnConfig(method, lr, klRef, p, grpo, bc, optimizer, schedule);
  }

  /** This configuration with another cloning section. */
  public LearnConfig withBc(BcConfig b) {
    return new LearnConfig(method, lr, klRef, ppo, grpo, b, optimizer, schedule);
  }

}
