package io.vivarium.brain.learn;

import io.vivarium.brain.Autograd;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.Policy;
import io.vivarium.core.Channel;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The penalty {@code learn.klRef} that keeps a policy near a frozen reference: a copy of the
 * brain taken when its learner was made. Added to a step's loss as {@code weight × k3}, with
 * k3 = {@code exp(δ) − δ − 1}, δ = log π_ref − log π (Schulman's unbiased, non-negative KL
 * estimator, as GRPO uses it), averaged per token for sequences and per action for one-byte
 * actions; its unweighted mean over the gradient steps since the last report is {@code kl_ref}.
 * With weight 0 nothing is copied and the loss comes back untouched.
 *
 * <p>Not thread-safe: one learner owns it. The reference is only read, under its own lock.
 */
final class KlReference implements AutoCloseable {
  /** The metric name of the penalty's estimate in {@link Stats#extra()}. */
  static final String METRIC = "kl_ref";
  private final double weight;
  private final TorchBrain reference;
  private Tensor pending; // this step's k3 mean (scalar), alive in the step's arena
  private double sum;
  private int steps;

  private KlReference(double weight, TorchBrain reference) {
    this.weight = weight;
    this.reference = reference;
  }

  /** No penalty. */
  static KlReference off() {
    return new KlReference(0, null);
  }

  /** A penalty of {@code weight} towards {@code brain} as it is now; off for weight 0. */
  static KlReference of(TorchBrain brain, double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("learn.klRef must be a finite number >= 0; got " + weight
          + " (0 turns the reference penalty off)");
    }
    return weight == 0 ? off() : new KlReference(weight, brain.copy());
  }

  /** Whether a reference is kept. */
  boolean on() {
    return reference != null;
  }

  /** {@code loss} plus the penalty on one-byte actions: {@code logp} (B) the policy's of {@code actions}. */
  Tensor oneByte(Arena m, Tensor loss, Tensor logp, List<BrainInput> inputs, long[] alphabet,
      long[] actions) {
    if (!on()) {
      return loss;
    }
    Tensor ref = referenced(w -> Policy.forward(w, m, inputs, alphabet, false)[0].logSoftmax(-1) // (B, A)
        .gather(m.create(actions, new Shape(actions.length, 1)), 1).squeeze(-1)); // (B)
    return penalised(m, loss, k3(m, ref.sub(logp)).mean());
  }

  /**
   * {@code loss} plus the penalty on byte sequences, per scored token: {@code logp} and {@code mask}
   * are {@link Policy#sequence}'s (B·S) for the same rows, tokens, channel and temperature.
   */
  Tensor sequences(Arena m, Tensor loss, Tensor logp, Tensor mask, List<BrainInput> inputs,
      int[][] tokens, Channel channel, double temperature) {
    if (!on()) {
      return loss;
    }
    Tensor ref = referenced(w -> Policy.sequence(w, m, inputs, tokens, channel, temperature, false)[0]); // (B·S)
    Tensor denom = mask.sum().maximum(m.create(1f));
    // δ is masked before exp: unscored positions hold huge negative log-probabilities.
    return penalised(m, loss, k3(m, ref.sub(logp).mul(mask)).mul(mask).sum().div(denom));
  }

  /** The reference's forward pass; the policy's gradient mode (inside its collector) is restored after. */
  private Tensor referenced(Function<io.vivarium.brain.model.Weights, Tensor> forward) {
    boolean grad = Autograd.isOn();
    try {
      return reference.infer(forward); // no gradients: the reference's outputs are constants
    } finally {
      Autograd.set(grad);
    }
  }

  private static Tensor k3(Arena m, Tensor delta) {
    return delta.exp().sub(delta).sub(m.create(1f));
  }

  private Tensor penalised(Arena m, Tensor loss, Tensor kl) {
    pending = kl;
    return loss.add(kl.mul(m.create((float) weight)));
  }

  /** After a step's backward pass, before its arena closes: counts the step's estimate. */
  void stepped() {
    if (pending != null) {
      sum += pending.getFloat();
      steps++;
      pending = null;
    }
  }

  /** Forgets an estimate of a step that failed. */
  void discard() {
    pending = null;
  }

  /** {@code s} with {@code kl_ref}, the mean estimate of the steps since the last report; {@code s} when none. */
  Stats report(Stats s) {
    if (steps == 0) {
      return s;
    }
    double mean = sum / steps;
    sum = 0;
    steps = 0;
    return s.with(Map.of(METRIC, mean));
  }

  @Override
  public void close() {
    if (reference != null) {
      reference.close();
    }
  }
}
