package io.vivarium.brain.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainingLock;
import io.vivarium.brain.policy.Policy;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.GrpoConfig;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Group-relative policy optimisation (Shao et al. 2024; seed 001's "pseudo-GRPO") for one-byte
 * actions and byte sequences alike. The batch's instances form groups of G; each action is
 * judged by its return (its reward plus the discounted rewards after it within the rollout)
 * against the other actions of its group at the same step: advantage = return − the group's
 * mean. It is not divided by the group's deviation (Liu et al. 2025, "Dr. GRPO"): here the group
 * members need not share a start state, and with returns that differ by little the division
 * blew noise up into confident steps — the policy's entropy collapsed on the corridor test. No
 * value head. The loss is PPO's clipped surrogate, per token
 * for sequences (scored under teacher forcing, as the sampler drew them), with an entropy bonus.
 *
 * <p>Not thread-safe; backward passes take the {@link TrainingLock}.
 */
public final class Grpo extends OptimizedLearner {
  private final GrpoConfig options;
  private final Schedule schedule;
  private final int instances;
  private final SplittableRandom rng;

  /**
   * A learner of {@code brain} over {@code instances} worlds in groups of {@code options.group()}.
   *
   * @throws IllegalArgumentException when the instances do not split into whole groups
   */
  public Grpo(TorchBrain brain, GrpoConfig options, OptimizerConfig optimizer, Schedule schedule, int instances,
      long seed) {
    super(brain, whole(options, instances, optimizer));
    this.options = options;
    this.schedule = schedule;
    this.instances = instances;
    this.rng = Seeds.random(seed, "grpo-minibatches", 0);
  }

  /** {@code optimizer}, once the instances split into whole groups (checked before the optimizer exists). */
  private static OptimizerConfig whole(GrpoConfig options, int instances, OptimizerConfig optimizer) {
    if (instances % options.group() != 0) {
      throw new IllegalArgumentException("grpo splits the " + instances + " world instances into groups of "
          + options.group() + "; make world.batch a multiple of learn.grpo.group");
    }
    return optimizer;
  }

  @Override
  public LearnMethod method() {
    return LearnMethod.GRPO;
  }

  @Override
  public Needs needs() {
    return Needs.play(instances, false);
  }

  @Override
  public Stats update(Rollout r, BooleanSupplier stopping) {
    if (!r.full()) {
      throw new IllegalArgumentException("grpo learns from full rollouts; this one has " + r.filled() + " of "
          + r.steps() + " steps");
    }
    float[] adv = advantages(r, options.group(), (float) options.gamma());
    int n = r.size();
    int minibatch = Math.min(options.minibatch(), n);
    double[] sums = new double[5];
    double lr = Double.NaN;
    int updates = 0;
    steps:
    for (int e = 0; e < options.epochs(); e++) {
      int[] order = permutation(n, rng);
      for (int from = 0; from < n; from += minibatch) {
        if (stopping.getAsBoolean()) {
          break steps;
        }
        lr = schedule.at(opt.steps());
        int to = Math.min(n, from + minibatch);
        float[] s = r.space().oneByte() ? oneByte(r, order, from, to, adv, lr) : sequences(r, order, from, to, adv, lr);
        for (int k = 0; k < s.length; k++) {
          sums[k] += s[k];
        }
        updates++;
      }
    }
    double u = Math.max(1, updates);
    return new Stats(sums[0] / u, Double.NaN, sums[1] / u, sums[2] / u, sums[3] / u, Double.NaN, sums[4] / u, lr,
        Double.NaN, updates);
  }

  /**
   * Group-relative advantages (T·N): each action's discounted return within the rollout
   * (γ {@code gamma}, cut at episode ends) minus the mean of its group of {@code group}
   * instances at the same step.
   */
  static float[] advantages(Rollout r, int group, float gamma) {
    int t0 = r.steps();
    int n = r.envs();
    float[] ret = new float[r.size()];
    for (int i = 0; i < n; i++) {
      float g = 0;
      for (int t = t0 - 1; t >= 0; t--) {
        int k = t * n + i;
        g = r.reward(k) + (r.done(k) ? 0 : gamma * g);
        ret[k] = g;
      }
    }
    float[] adv = new float[r.size()];
    for (int t = 0; t < t0; t++) {
      for (int g = 0; g < n; g += group) {
        double mean = 0;
        for (int j = 0; j < group; j++) {
          mean += ret[t * n + g + j];
        }
        mean /= group;
        for (int j = 0; j < group; j++) {
          adv[t * n + g + j] = (float) (ret[t * n + g + j] - mean);
        }
      }
    }
    return adv;
  }

  /** One gradient step over one-byte actions; returns loss, entropy, KL, clip fraction, gradient norm. */
  private float[] oneByte(Rollout r, int[] order, int from, int to, float[] adv, double lr) {
    int b = to - from;
    List<BrainInput> in = new ArrayList<>(b);
    long[] act = new long[b];
    float[] old = new float[b];
    float[] a = new float[b];
    for (int j = 0; j < b; j++) {
      int k = order[from + j];
      in.add(r.input(k));
      act[j] = r.choice(k);
      old[j] = r.logp(k);
      a[j] = adv[k];
    }
    long[] alphabet = r.space().alphabet();
    return step((w, m) -> {
      NDArray logAll = Policy.forward(w, m, in, alphabet, true)[0].logSoftmax(-1); // (B, A)
      NDArray lp = logAll.gather(m.create(act, new Shape(b, 1)), 1).squeeze(-1); // (B)
      NDArray logRatio = lp.sub(m.create(old));
      NDArray entropy = logAll.exp().mul(logAll).sum(new int[] {-1}).neg().mean();
      NDArray loss = Surrogate.clipped(m, logRatio, m.create(a), options.clip())
          .sub(entropy.mul(m.create((float) options.entropy())));
      return new NDArray[] {loss, entropy, logRatio, null};
    }, lr);
  }

  /** One gradient step over byte sequences, per token; returns loss, entropy, KL, clip fraction, gradient norm. */
  private float[] sequences(Rollout r, int[] order, int from, int to, float[] adv, double lr) {
    int b = to - from;
    List<BrainInput> in = new ArrayList<>(b);
    int[][] tokens = new int[b][];
    for (int j = 0; j < b; j++) {
      int k = order[from + j];
      in.add(r.input(k));
      tokens[j] = r.tokens(k);
    }
    return step((w, m) -> {
      NDArray[] seq = Policy.sequence(w, m, in, tokens, r.space().channel(), options.temperature(), true);
      int s = Math.toIntExact(seq[0].getShape().get(0)) / b;
      float[] old = new float[b * s];
      float[] a = new float[b * s];
      float[] mask = seq[2].toFloatArray();
      for (int j = 0; j < b; j++) {
        int k = order[from + j];
        float[] lp = r.tokenLogp(k);
        int scored = 0;
        for (int p = j * s; p < (j + 1) * s; p++) {
          scored += mask[p] > 0 ? 1 : 0;
        }
        int next = lp.length - scored; // the scored tokens are the row's last ones, in order
        for (int p = j * s; p < (j + 1) * s; p++) {
          if (mask[p] > 0) {
            old[p] = lp[next++];
            a[p] = adv[k];
          }
        }
      }
      NDArray msk = seq[2];
      NDArray denom = msk.sum().maximum(m.create(1f));
      NDArray logRatio = seq[0].sub(m.create(old)).mul(msk);
      NDArray entropy = seq[1].mul(msk).sum().div(denom);
      NDArray loss = Surrogate.perSample(m, logRatio, m.create(a), options.clip()).mul(msk).sum().div(denom)
          .sub(entropy.mul(m.create((float) options.entropy())));
      return new NDArray[] {loss, entropy, logRatio, msk};
    }, lr);
  }

  /** The terms of one step's loss: loss, entropy, log-ratios, and their mask (null = all count). */
  private interface Terms {
    NDArray[] build(io.vivarium.brain.model.Weights w, NDManager m);
  }

  private float[] step(Terms terms, double lr) {
    return brain.update(w -> {
      try (NDManager m = w.manager().newSubManager()) {
        NDArray[] out = TrainingLock.run(() -> {
          try (GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray[] t = terms.build(w, m);
            gc.backward(t[0]);
            return t;
          }
        });
        JniUtils.setGradMode(false);
        float norm = opt.step(m, lr, optimizer.maxGradNorm());
        float[] kl = Surrogate.klAndClip(out[2].toFloatArray(), out[3] == null ? null : out[3].toFloatArray(),
            options.clip());
        return new float[] {out[0].getFloat(), out[1].getFloat(), kl[0], kl[1], norm};
      }
    });
  }
}
