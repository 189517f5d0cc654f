package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.policy.Policy;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.OptimizerConfig;
import io.vivarium.core.config.PpoConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Proximal policy optimisation (Schulman et al. 2017) of a brain with one-byte actions or byte
 * sequences: clipped surrogate, GAE(λ), value loss, entropy bonus, minibatch epochs,
 * per-minibatch advantage normalisation, global gradient clipping, the learning rate from a
 * {@link Schedule}, and the optional penalty towards a reference brain ({@link KlReference}).
 * Each {@link #update} learns from one rollout and reports every term (CleanRL's {@code losses/*}).
 *
 * <p>A sequence is one action of its step: GAE runs over steps, and the value is the value
 * head's at the last context position (where the sampler read it). Its tokens are scored under
 * teacher forcing at the sampling temperature, and the clipped surrogate is taken per token with
 * the step's advantage on every token, averaged over the minibatch's tokens, as GRPO does here:
 * the whole action's ratio, a product of up to 256 token ratios, would leave the clip range at
 * once and clip nearly every sample, while per-token ratios bound each decision. The entropy
 * bonus is per token too.
 *
 * <p>Not thread-safe: one thread drives a learner. Backward passes record gradients
 * per thread ({@link Autograd}), so learners of different brains may run at once.
 */
public final class Ppo extends OptimizedLearner {
  private final PpoConfig options;
  private final Schedule schedule;
  private final int instances;
  private final SplittableRandom rng;
  private final double temperature;

  /** A learner of {@code brain} playing {@code instances} worlds, sequences sampled at temperature 1. */
  public Ppo(TorchBrain brain, PpoConfig options, OptimizerConfig optimizer, Schedule schedule, int instances,
      long seed) {
    this(brain, options, optimizer, schedule, instances, seed, 1.0);
  }

  /**
   * A learner of {@code brain} playing {@code instances} worlds; the schedule counts gradient
   * steps; sequences are scored at {@code temperature}, the one the actor samples them at.
   */
  public Ppo(TorchBrain brain, PpoConfig options, OptimizerConfig optimizer, Schedule schedule, int instances,
      long seed, double temperature) {
    super(brain, optimizer);
    if (!(temperature > 0 && temperature <= 100)) {
      throw new IllegalArgumentException("ppo scores sequences at the sampling temperature, which must be in "
          + "(0, 100]; got " + temperature + " (see learn.grpo.temperature)");
    }
    this.options = options;
    this.schedule = schedule;
    this.instances = instances;
    this.rng = Seeds.random(seed, "ppo-minibatches", 0);
    this.temperature = temperature;
  }

  @Override
  public LearnMethod method() {
    return LearnMethod.PPO;
  }

  @Override
  public Needs needs() {
    return new Needs(false, instances, false, 1, true);
  }

  @Override
  public Stats update(Rollout r, BooleanSupplier stopping) {
    if (!r.full()) {
      throw new IllegalArgumentException("ppo learns from full rollouts; this one has " + r.filled() + " of "
          + r.steps() + " steps");
    }
    int n = r.size();
    float[] advantages = new float[n];
    float[] returns = new float[n];
    Advantages.gae(r.rewards(), r.values(), r.dones(), r.lastValues(), r.envs(), (float) options.gamma(),
        (float) options.lambda(), advantages, returns);
    int minibatch = Math.min(options.minibatch(), n);
    double[] sums = new double[6];
    double lr = Double.NaN;
    int updates = 0;
    steps:
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      int[] order = permutation(n, rng);
      for (int from = 0; from + minibatch <= n; from += minibatch) {
        if (stopping.getAsBoolean()) {
          break steps; // the rest of the rollout is dropped; every applied step was whole
        }
        lr = schedule.at(opt.steps());
        float[] s = r.space().oneByte() ? minibatch(r, order, from, minibatch, advantages, returns, lr)
            : sequences(r, order, from, minibatch, advantages, returns, lr);
        for (int k = 0; k < s.length; k++) {
          sums[k] += s[k];
        }
        updates++;
      }
    }
    double u = Math.max(1, updates);
    return klRef.report(new Stats(sums[0] / u, sums[1] / u, sums[2] / u, sums[3] / u, sums[4] / u,
        explainedVariance(r.values(), returns), sums[5] / u, lr, Double.NaN, updates));
  }

  /** One gradient step; returns pg loss, value loss, entropy, approximate KL, clip fraction, gradient norm. */
  private float[] minibatch(Rollout r, int[] order, int from, int size, float[] advantages, float[] returns,
      double lr) {
    List<BrainInput> inputs = new ArrayList<>(size);
    long[] actions = new long[size];
    float[] oldLogp = new float[size];
    float[] adv = new float[size];
    float[] ret = new float[size];
    for (int j = 0; j < size; j++) {
      int k = order[from + j];
      inputs.add(r.input(k));
      actions[j] = r.choice(k);
      oldLogp[j] = r.logp(k);
      adv[j] = advantages[k];
      ret[j] = returns[k];
    }
    Advantages.normalise(adv, 0, size, 1e-8f);
    long[] alphabet = r.space().alphabet();
    return step((w, m) -> {
      Tensor[] out = Policy.forward(w, m, inputs, alphabet, true);
      Tensor logAll = out[0].logSoftmax(-1); // (B, A)
      Tensor newLogp = logAll.gather(m.create(actions, new Shape(size, 1)), 1).squeeze(-1); // (B)
      Tensor entropy = logAll.exp().mul(logAll).sum(new int[] {-1}).neg().mean();
      Tensor logRatio = newLogp.sub(m.create(oldLogp));
      Tensor pg = Surrogate.clipped(m, logRatio, m.create(adv), options.clip());
      Tensor v = out[1].sub(m.create(ret)).square().mean().mul(m.create(0.5f));
      Tensor loss = pg.sub(entropy.mul(m.create((float) options.entropy())))
          .add(v.mul(m.create((float) options.valueCoef())));
      loss = klRef.oneByte(m, loss, newLogp, inputs, alphabet, actions);
      return new Tensor[] {loss, pg, v, entropy, logRatio, null};
    }, lr, this::report);
  }

  /** One gradient step over byte sequences, per token; returns what {@link #minibatch} returns. */
  private float[] sequences(Rollout r, int[] order, int from, int size, float[] advantages, float[] returns,
      double lr) {
    List<BrainInput> inputs = new ArrayList<>(size);
    int[][] tokens = new int[size][];
    float[][] oldLogp = new float[size][];
    float[] adv = new float[size];
    float[] ret = new float[size];
    for (int j = 0; j < size; j++) {
      int k = order[from + j];
      inputs.add(r.input(k));
      tokens[j] = r.tokens(k);
      oldLogp[j] = r.tokenLogp(k);
      adv[j] = advantages[k];
      ret[j] = returns[k];
    }
    Advantages.normalise(adv, 0, size, 1e-8f);
    io.vivarium.core.Channel channel = r.space().channel();
    return step((w, m) -> {
      Tensor[] seq = Policy.sequence(w, m, inputs, tokens, channel, temperature, true, true);
      Tensor msk = seq[2]; // (B·S)
      float[][] perToken = perToken(msk.toFloatArray(), oldLogp, adv);
      Tensor denom = msk.sum().maximum(m.create(1f));
      Tensor logRatio = seq[0].sub(m.create(perToken[0])).mul(msk); // (B·S)
      Tensor pg = Surrogate.perSample(m, logRatio, m.create(perToken[1]), options.clip()).mul(msk).sum().div(denom);
      Tensor entropy = seq[1].mul(msk).sum().div(denom);
      Tensor v = seq[4].sub(m.create(ret)).square().mean().mul(m.create(0.5f));
      Tensor loss = pg.sub(entropy.mul(m.create((float) options.entropy())))
          .add(v.mul(m.create((float) options.valueCoef())));
      loss = klRef.sequences(m, loss, seq[0], msk, inputs, tokens, channel, temperature);
      return new Tensor[] {loss, pg, v, entropy, logRatio, msk};
    }, lr, this::report);
  }

  /**
   * The rollout's token log-probabilities and the steps' advantages laid out on the flat (B·S)
   * positions {@code mask} marks: each row's scored positions predict its last tokens, in order.
   */
  private static float[][] perToken(float[] mask, float[][] tokenLogp, float[] adv) {
    int b = tokenLogp.length;
    int s = mask.length / b;
    float[] old = new float[mask.length];
    float[] a = new float[mask.length];
    for (int j = 0; j < b; j++) {
      int scored = 0;
      for (int p = j * s; p < (j + 1) * s; p++) {
        scored += mask[p] > 0 ? 1 : 0;
      }
      int next = tokenLogp[j].length - scored;
      for (int p = j * s; p < (j + 1) * s; p++) {
        if (mask[p] > 0) {
          old[p] = tokenLogp[j][next++];
          a[p] = adv[j];
        }
      }
    }
    return new float[][] {old, a};
  }

  /** Policy loss, value loss, entropy, approximate KL, clip fraction (over the mask, if any), gradient norm. */
  private float[] report(Tensor[] t, float norm) {
    float[] kl = Surrogate.klAndClip(t[4].toFloatArray(), t[5] == null ? null : t[5].toFloatArray(), options.clip());
    return new float[] {t[1].getFloat(), t[2].getFloat(), t[3].getFloat(), kl[0], kl[1], norm};
  }

  /** 1 − Var(returns − values) / Var(returns): 1 is a perfect critic, ≤ 0 one that explains nothing. */
  static double explainedVariance(float[] values, float[] returns) {
    double var = variance(returns, null);
    return var == 0 ? Double.NaN : 1 - variance(returns, values) / var;
  }

  private static double variance(float[] a, float[] minus) {
    double mean = 0;
    for (int k = 0; k < a.length; k++) {
      mean += a[k] - (minus == null ? 0 : minus[k]);
    }
    mean /= a.length;
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - (minus == null ? 0 : minus[k]) - mean;
      s += d * d;
    }
    return s / a.length;
  }
}
