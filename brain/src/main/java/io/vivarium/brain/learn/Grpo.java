package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.policy.Policy;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.GrpoConfig;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Group-relative policy optimisation (Shao et al. 2024; seed 001's "pseudo-GRPO") for one-byte
 * actions and byte sequences alike. The batch's instances form groups of G, reset so that the
 * k-th episodes of a group's members start alike ({@link Learner.Needs#group()}); when all G
 * have finished their k-th episode ({@link EpisodeGroups}, across rollouts), every step of each
 * gets (episode return − the group's mean) / the group's deviation. No value head. The loss is PPO's clipped surrogate, per token
 * for sequences (scored under teacher forcing, as the sampler drew them), with an entropy bonus.
 * Seed 000's terms are opt-in: for sequences, the entropy of the predicted byte distribution and
 * the colony's byte histogram as loss terms ({@link ByteTerms}); for any action, the
 * gradient-stability reward per episode ({@link GradientStability}).
 *
 * <p>Not thread-safe; backward passes record per thread ({@link Autograd}).
 */
public final class Grpo extends OptimizedLearner {
  private final GrpoConfig options;
  private final Schedule schedule;
  private final int instances;
  private final SplittableRandom rng;
  /** Episodes waiting for their group, across rollouts; made at the first rollout. */
  private EpisodeGroups groups;
  /** The colony's byte counts (256) for the colony-histogram term; null = the term is off. */
  private Supplier<long[]> colonyCounts;
  /** The gradient-stability reward; null when its weight is 0. */
  private final GradientStability stability;

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
    this.stability = options.gradientReward() > 0
        ? new GradientStability(brain, options.gradientReward(), options.temperature()) : null;
  }

  /**
   * Where the colony-histogram term ({@code learn.grpo.colonyHistogram}) reads the colony's
   * byte counts: 256 counts, read once per update. Without a supplier the term is off.
   */
  @Override
  public void colonyCounts(Supplier<long[]> counts) {
    this.colonyCounts = counts;
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
    return new Needs(false, instances, false, options.group(), false);
  }

  @Override
  public Stats update(Rollout r, BooleanSupplier stopping) {
    if (!r.full()) {
      throw new IllegalArgumentException("grpo learns from full rollouts; this one has " + r.filled() + " of "
          + r.steps() + " steps");
    }
    if (groups == null) {
      groups = new EpisodeGroups(r.envs(), options.group());
    }
    List<EpisodeGroups.Sample> ready = groups.add(r, stability == null ? null : e -> stability.bonus(e, r.space()));
    int n = ready.size();
    int minibatch = Math.min(options.minibatch(), Math.max(1, n));
    long[] counts = colonyCounts != null && options.colonyHistogram() > 0
        ? ByteTerms.checked(colonyCounts.get()).clone() : null;
    double[] sums = new double[7];
    double lr = Double.NaN;
    int updates = 0;
    steps:
    for (int e = 0; e < options.epochs() && n > 0; e++) {
      int[] order = permutation(n, rng);
      for (int from = 0; from < n; from += minibatch) {
        if (stopping.getAsBoolean()) {
          break steps;
        }
        lr = schedule.at(opt.steps());
        List<EpisodeGroups.Sample> batch = new ArrayList<>();
        for (int k = from; k < Math.min(n, from + minibatch); k++) {
          batch.add(ready.get(order[k]));
        }
        float[] s = r.space().oneByte() ? oneByte(batch, r.space().alphabet(), lr)
            : sequences(batch, r.space().channel(), lr, counts);
        for (int k = 0; k < s.length; k++) {
          sums[k] += s[k];
        }
        updates++;
      }
    }
    if (updates == 0) {
      return Stats.NONE; // no group finished its episodes yet: nothing to compare
    }
    return klRef.report(new Stats(sums[0] / updates, Double.NaN, sums[1] / updates, sums[2] / updates,
        sums[3] / updates, Double.NaN, sums[4] / updates, lr, Double.NaN, updates).with(extra(sums, updates, r, counts)));
  }

  /** Seed 000's terms this update computed, by metric name (none at the defaults). */
  private Map<String, Double> extra(double[] sums, int updates, Rollout r, long[] counts) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!r.space().oneByte() && options.byteEntropy() > 0) {
      out.put("byte_entropy_loss", sums[5] / updates);
    }
    if (!r.space().oneByte() && counts != null) {
      out.put("colony_histogram_kl", sums[6] / updates);
    }
    if (stability != null) {
      out.put("gradient_stability", stability.lastMean());
      out.put("gradient_stability_spread", stability.lastSpread());
    }
    return out;
  }

  /** One gradient step over one-byte actions; returns loss, entropy, KL, clip fraction, gradient norm. */
  private float[] oneByte(List<EpisodeGroups.Sample> batch, long[] alphabet, double lr) {
    int b = batch.size();
    List<BrainInput> in = new ArrayList<>(b);
    long[] act = new long[b];
    float[] old = new float[b];
    float[] a = new float[b];
    for (int j = 0; j < b; j++) {
      EpisodeGroups.Sample s = batch.get(j);
      in.add(s.input());
      act[j] = s.choice();
      old[j] = s.logp();
      a[j] = s.advantage();
    }
    return step((w, m) -> {
      Tensor logAll = Policy.forward(w, m, in, alphabet, true)[0].logSoftmax(-1); // (B, A)
      Tensor lp = logAll.gather(m.create(act, new Shape(b, 1)), 1).squeeze(-1); // (B)
      Tensor logRatio = lp.sub(m.create(old));
      Tensor entropy = logAll.exp().mul(logAll).sum(new int[] {-1}).neg().mean();
      Tensor loss = Surrogate.clipped(m, logRatio, m.create(a), options.clip())
          .sub(entropy.mul(m.create((float) options.entropy())));
      loss = klRef.oneByte(m, loss, lp, in, alphabet, act);
      return new Tensor[] {loss, entropy, logRatio, null};
    }, lr, this::report);
  }

  /**
   * One gradient step over byte sequences, per token, with seed 000's byte terms when weighted
   * ({@code counts} null = no colony term); returns loss, entropy, KL, clip fraction, gradient
   * norm, the byte-entropy term (−H) and the colony histogram's KL from flat (NaN when off).
   */
  private float[] sequences(List<EpisodeGroups.Sample> batch, io.vivarium.core.Channel channel, double lr,
      long[] counts) {
    int b = batch.size();
    List<BrainInput> in = new ArrayList<>(b);
    int[][] tokens = new int[b][];
    for (int j = 0; j < b; j++) {
      in.add(batch.get(j).input());
      tokens[j] = batch.get(j).tokens();
    }
    return step((w, m) -> {
      Tensor[] seq = Policy.sequence(w, m, in, tokens, channel, options.temperature(), true);
      int s = Math.toIntExact(seq[0].getShape().get(0)) / b;
      float[] old = new float[b * s];
      float[] a = new float[b * s];
      float[] mask = seq[2].toFloatArray();
      for (int j = 0; j < b; j++) {
        float[] lp = batch.get(j).tokenLogp();
        int scored = 0;
        for (int p = j * s; p < (j + 1) * s; p++) {
          scored += mask[p] > 0 ? 1 : 0;
        }
        int next = lp.length - scored; // the scored tokens are the row's last ones, in order
        for (int p = j * s; p < (j + 1) * s; p++) {
          if (mask[p] > 0) {
            old[p] = lp[next++];
            a[p] = batch.get(j).advantage();
          }
        }
      }
      Tensor msk = seq[2];
      Tensor denom = msk.sum().maximum(m.create(1f));
      Tensor logRatio = seq[0].sub(m.create(old)).mul(msk);
      Tensor entropy = seq[1].mul(msk).sum().div(denom);
      Tensor loss = Surrogate.perSample(m, logRatio, m.create(a), options.clip()).mul(msk).sum().div(denom)
          .sub(entropy.mul(m.create((float) options.entropy())));
      Tensor[] terms = byteTerms(m, seq[3], msk, denom, counts);
      for (int k = 0; k < 2; k++) {
        if (terms[k] != null) {
          loss = loss.add(terms[k].mul(m.create((float) (k == 0 ? options.byteEntropy() : options.colonyHistogram()))));
        }
      }
      loss = klRef.sequences(m, loss, seq[0], msk, in, tokens, channel, options.temperature());
      return new Tensor[] {loss, entropy, logRatio, msk, terms[0], terms[2]};
    }, lr, this::report);
  }

  /**
   * Seed 000's loss terms from the vocabulary's log-distribution (B·S, V) at the scored positions:
   * −H of the byte distribution, the colony term and its KL; each null when off.
   */
  private Tensor[] byteTerms(Arena m, Tensor logAll, Tensor msk, Tensor denom, long[] counts) {
    Tensor[] out = new Tensor[3];
    if (options.byteEntropy() <= 0 && counts == null) {
      return out;
    }
    Tensor byteLog = ByteTerms.byteLog(logAll); // (B·S, 256)
    if (options.byteEntropy() > 0) {
      out[0] = ByteTerms.entropy(byteLog, msk, denom).neg();
    }
    if (counts != null) {
      Tensor[] c = ByteTerms.colony(m, byteLog, msk, denom.getFloat(), counts);
      out[1] = c[0];
      out[2] = c[1];
    }
    return out;
  }

  /**
   * Loss, entropy, KL, clip fraction (over the masked positions when there is a mask), gradient
   * norm; then the byte terms' values when {@code t} has them (NaN when off).
   */
  private float[] report(Tensor[] t, float norm) {
    float[] kl = Surrogate.klAndClip(t[2].toFloatArray(), t[3] == null ? null : t[3].toFloatArray(), options.clip());
    float[] out = {t[0].getFloat(), t[1].getFloat(), kl[0], kl[1], norm, Float.NaN, Float.NaN};
    for (int k = 4; k < t.length; k++) {
      out[k + 1] = t[k] == null ? Float.NaN : t[k].getFloat();
    }
    return out;
  }

}
