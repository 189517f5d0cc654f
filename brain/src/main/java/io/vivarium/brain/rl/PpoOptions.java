package io.vivarium.brain.rl;

/**
 * PPO's hyper-parameters. Defaults follow RL Zoo's MiniGrid PPO: 8 environments, 128 steps
 * each, minibatch 64, 10 epochs, learning rate 2.5e-4, clip 0.2, γ 0.99, λ 0.95.
 *
 * @param envs environments stepped together
 * @param steps steps per environment per rollout
 * @param minibatch samples per gradient step
 * @param epochs passes over each rollout
 * @param lr learning rate (annealed linearly to 0 over {@code totalSteps} when {@code anneal})
 * @param clip the surrogate's clip range ε
 * @param gamma discount γ
 * @param lambda GAE λ
 * @param entropy entropy bonus coefficient
 * @param valueCoef value loss coefficient
 * @param maxGradNorm global gradient-norm clip
 * @param anneal whether to anneal the learning rate
 * @param totalSteps environment steps the run will take (for annealing)
 */
public record PpoOptions(
    int envs, int steps, int minibatch, int epochs, double lr, double clip, double gamma,
    double lambda, double entropy, double valueCoef, double maxGradNorm, boolean anneal,
    long totalSteps) {

  public PpoOptions {
    check("envs", envs, 1, 4096);
    check("steps", steps, 1, 1 << 16);
    check("minibatch", minibatch, 1, envs * steps);
    check("epochs", epochs, 1, 1000);
    if (!(lr > 0 && lr < 1) || !(clip > 0 && clip < 1) || !(gamma > 0 && gamma <= 1)
        || !(lambda >= 0 && lambda <= 1) || !(entropy >= 0) || !(valueCoef >= 0) || !(maxGradNorm >= 0)) {
      throw new IllegalArgumentException("PPO needs 0 < lr < 1, 0 < clip < 1, 0 < gamma <= 1, 0 <= lambda <= 1 "
          + "and non-negative coefficients; got lr " + lr + ", clip " + clip + ", gamma " + gamma + ", lambda "
          + lambda + ", entropy " + entropy + ", valueCoef " + valueCoef + ", maxGradNorm " + maxGradNorm);
    }
  }

  private static void check(String name, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException("ppo " + name + " must be between " + min + " and " + max + "; got " + v);
    }
  }

  /** RL Zoo's MiniGrid defaults for a run of {@code totalSteps} environment steps. */
  public static PpoOptions defaults(long totalSteps) {
    return new PpoOptions(8, 128, 64, 10, 2.5e-4, 0.2, 0.99, 0.95, 0.01, 0.5, 0.5, true, totalSteps);
  }

  /** Learning rate for the update after {@code stepsDone} environment steps. */
  double lrAt(long stepsDone) {
    if (!anneal || totalSteps <= 0) {
      return lr;
    }
    return lr * Math.max(0.0, 1.0 - (double) stepsDone / totalSteps);
  }
}
