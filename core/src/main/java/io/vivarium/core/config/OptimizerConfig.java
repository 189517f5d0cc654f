package io.vivarium.core.config;

/** The one AdamW configuration every learner uses (Loshchilov and Hutter 2019). */
public record OptimizerConfig(
    @Doc("AdamW beta1.") @Range(min = 0, max = 0.9999) double beta1,
    @Doc("AdamW beta2.") @Range(min = 0, max = 0.99999) double beta2,
    @Doc("AdamW epsilon.") @Range(min = 1e-12, max = 1) double eps,
    @Doc("Decoupled weight decay (applied to matrices only).") @Range(min = 0, max = 1) double weightDecay,
    @Doc("Global gradient-norm clip (0 = none).") @Range(min = 0, max = 1000) double maxGradNorm) {

  public static OptimizerConfig defaults() {
    return new OptimizerConfig(0.9, 0.999, 1e-5, 0, 0.5);
  }
}
