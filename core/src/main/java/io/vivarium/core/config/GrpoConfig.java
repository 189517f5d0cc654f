package io.vivarium.core.config;

/**
 * GRPO's hyper-parameters (Shao et al. 2024): each action's advantage is its return against
 * the other actions of its group at the same step; no value function. Seed 000's optional terms
 * (byte entropy, colony histogram, gradient-stability reward) default to 0. Immutable.
 */
public record GrpoConfig(
    @Doc("World instances per group (the batch is split into groups of this size; world.batch must divide by it).")
        @Range(min = 2, max = 4096) int group,
    @Doc("Learning rate of GRPO.") @Range(min = 1e-9, max = 0.999) double lr,
    @Doc("Passes over each rollout.") @Range(min = 1, max = 1000) int epochs,
    @Doc("Actions per gradient step.") @Range(min = 1, max = 1 << 20) int minibatch,
    @Doc("Clip range of the surrogate objective.") @Range(min = 0.001, max = 0.999) double clip,
    @Doc("Discount of the return an action is judged by (0 = its own reward only).") @Range(min = 0, max = 1)
        double gamma,
    @Doc("Sampling temperature of byte sequences.") @Range(min = 0.01, max = 10) double temperature,
    @Doc("Entropy bonus coefficient (keeps a policy without a critic from collapsing onto one action).")
        @Range(min = 0, max = 10) double entropy,
    @Doc("Weight of the loss term maximising the entropy of the predicted byte distribution (the 256 bytes, "
        + "end of sequence left out) at each generated position of a byte-sequence action (0 = off).")
        @Range(min = 0, max = 10) double byteEntropy,
    @Doc("Weight of the loss term pulling the minibatch's expected bytes towards flattening the colony's "
        + "byte histogram (0 = off; needs the colony's counts).")
        @Range(min = 0, max = 10) double colonyHistogram,
    @Doc("Weight of the intrinsic reward for gradient stability, added to each episode's return before "
        + "group advantages (0 = off; one extra backward pass per episode).")
        @Range(min = 0, max = 10) double gradientReward) {

  /** The configuration without the seed's entropy terms and gradient reward (all three 0). */
  public GrpoConfig(int group, double lr, int epochs, int minibatch, double clip, double gamma, double temperature,
      double entropy) {
    this(group, lr, epochs, minibatch, clip, gamma, temperature, entropy, 0, 0, 0);
  }

  public static GrpoConfig defaults() {
    return new GrpoConfig(4, 1e-3, 4, 64, 0.2, 0.99, 1.0, 0.01);
  }

  /** These options with the seed's terms weighted as given (byte entropy, colony histogram, gradient reward). */
  public GrpoConfig withTerms(double byteEntropy, double colonyHistogram, double gradientReward) {
    return new GrpoConfig(group, lr, epochs, minibatch, clip, gamma, temperature, entropy, byteEntropy,
        colonyHistogram, gradientReward);
  }
}
