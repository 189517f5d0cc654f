package io.vivarium.brain.learn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one update of a learner did: everything that tells whether it learns (CleanRL's
 * {@code losses/*} scalars). A learner sets the terms it computes and leaves the rest NaN;
 * {@link #metrics()} names the ones it set, as the registry records them.
 *
 * @param policyLoss the policy's loss: PPO's and GRPO's clipped surrogate, cloning's cross-entropy
 * @param valueLoss the value head's loss (½ squared error)
 * @param entropy the policy's mean entropy in nats
 * @param approxKl the approximate KL divergence of the new policy from the rollout's, k3 estimator
 * @param clipFraction the share of samples whose probability ratio was clipped
 * @param explainedVariance 1 − Var(returns − values) / Var(returns) of the rollout's value estimates
 * @param gradNorm the mean global gradient norm before clipping
 * @param lr the learning rate of the last gradient step
 * @param accuracy cloning's agreement with the expert on its minibatches
 * @param updates gradient steps taken (fewer than planned when stopped)
 * @param extra further terms a learner computes beyond the common ones (e.g. {@code kl_ref}), by
 *     metric name; recorded as they are
 */
public record Stats(double policyLoss, double valueLoss, double entropy, double approxKl, double clipFraction,
    double explainedVariance, double gradNorm, double lr, double accuracy, int updates, Map<String, Double> extra) {
  /** No update: every term NaN. */
  public static final Stats NONE = new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

  public Stats {
    extra = Map.copyOf(extra);
    for (String name : extra.keySet()) {
      if (java.util.Arrays.asList(NAMES).contains(name)) {
        throw new IllegalArgumentException("extra learner term '" + name + "' shadows a common one; use its field");
      }
    }
  }

  /** The common terms only. */
  public Stats(double policyLoss, double valueLoss, double entropy, double approxKl, double clipFraction,
      double explainedVariance, double gradNorm, double lr, double accuracy, int updates) {
    this(policyLoss, valueLoss, entropy, approxKl, clipFraction, explainedVariance, gradNorm, lr, accuracy, updates,
        Map.of());
  }

  /** These stats with {@code terms} added to {@link #extra()}. */
  public Stats with(Map<String, Double> terms) {
    Map<String, Double> all = new LinkedHashMap<>(extra);
    all.putAll(terms);
    return new Stats(policyLoss, valueLoss, entropy, approxKl, clipFraction, explainedVariance, gradNorm, lr,
        accuracy, updates, all);
  }

  /** The metric names of the registry, in the order of {@link #metrics()}. */
  public static final String[] NAMES = {"policy_loss", "value_loss", "entropy", "approx_kl", "clip_fraction",
      "explained_variance", "grad_norm", "lr", "accuracy"};

  /** The terms this update computed, by metric name ({@link #NAMES}); NaN terms are left out. */
  public Map<String, Double> metrics() {
    double[] v = {policyLoss, valueLoss, entropy, approxKl, clipFraction, explainedVariance, gradNorm, lr, accuracy};
    Map<String, Double> out = new LinkedHashMap<>();
    for (int k = 0; k < v.length; k++) {
      if (!Double.isNaN(v[k])) {
        out.put(NAMES[k], v[k]);
      }
    }
    extra.forEach((name, value) -> {
      if (!Double.isNaN(value)) {
        out.put(name, value);
      }
    });
    return out;
  }

  /** The loss a progress line shows: the policy's loss plus half the value loss where there is one. */
  public double loss() {
    return policyLoss + (Double.isNaN(valueLoss) ? 0 : 0.5 * valueLoss);
  }
}
