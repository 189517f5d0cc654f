package io.vivarium.core.config;

/** How brains learn. */
public record LearnConfig(
    @Doc("Learning method.") @OneOf({"bc", "ppo", "grpo", "bc+ppo"}) String method,
    @Doc("Learning rate.") @Range(min = 0, max = 1) double lr) {

  public static LearnConfig defaults() {
    return new LearnConfig("bc+ppo", 2.5e-4);
  }
}
