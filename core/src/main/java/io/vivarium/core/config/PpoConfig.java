package io.vivarium.core.config;

/** PPO's hyper-parameters (Schulman et al. 2017; defaults after RL Zoo's MiniGrid PPO). */
public record PpoConfig(
    @Doc("Passes over each rollout.") @Range(min = 1, max = 1000) int epochs,
    @Doc("Samples per gradient step (at most the rollout's size).") @Range(min = 1, max = 1 << 20) int minibatch,
    @Doc("Clip range of the surrogate objective.") @Range(min = 0.001, max = 0.999) double clip,
    @Doc("Discount.") @Range(min = 0.001, max = 1) double gamma,
    @Doc("GAE lambda.") @Range(min = 0, max = 1) double lambda,
    @Doc("Entropy bonus coefficient (a child may perturb it, see colony.perturb).") @Range(min = 0, max = 10)
        double entropy,
    @Doc("Value loss coefficient.") @Range(min = 0, max = 100) double valueCoef) {

  public static PpoConfig defaults() {
    return new PpoConfig(4, 64, 0.2, 0.99, 0.95, 0.01, 0.5);
  }

  /** These options with another minibatch size. */
  public PpoConfig withMinibatch(int samples) {
    return new PpoConfig(epochs, samples, clip, gamma, lambda, entropy, valueCoef);
  }

  /** These options with another entropy coefficient. */
  public PpoConfig withEntropy(double e) {
    return new PpoConfig(epochs, minibatch, clip, gamma, lambda, e, valueCoef);
  }
}
