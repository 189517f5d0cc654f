package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import java.util.List;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Index;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000's later reward (2023-05-28), per episode so that GRPO can use it: the stability of
 * the 5 % least-changing gradient entries between the previous update's gradient and the one
 * an episode would give now. A reward constant over a batch, or over a group, cancels in
 * group-relative advantages, so each episode gets its own: one extra backward pass per episode
 * (formula and cost in docs/learning.md). Not thread-safe.
 */
final class GradientStability {
  /** The share of gradient entries, those whose change is smallest, that the stability reads. */
  static final double SHARE = 0.05;

  private final TorchBrain brain;
  private final double weight;
  private final double temperature;
  /** The previous update's mean episode gradient over all parameters (P); null before the first. */
  private float[] reference;
  /** The running deviation of the stability across an update's episodes; NaN before the first. */
  private double scale = Double.NaN;
  private double lastMean = Double.NaN;
  private double lastSpread = Double.NaN;

  GradientStability(TorchBrain brain, double weight, double temperature) {
    this.brain = brain;
    this.weight = weight;
    this.temperature = temperature;
  }

  /**
   * The bonus of each of {@code episodes} (steps of one instance's episode each): weight ×
   * (s − the mean s of these episodes) / the running deviation of s. Makes these episodes'
   * mean gradient the reference of the next call.
   */
  float[] bonus(List<List<EpisodeGroups.Sample>> episodes, ActionSpace space) {
    double[] s = brain.update(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor ref = reference == null ? null : m.create(reference);
        Tensor sum = null;
        double[] out = new double[episodes.size()];
        for (int e = 0; e < episodes.size(); e++) {
          Tensor g = gradient(w, m, episodes.get(e), space); // (P)
          out[e] = stability(g, ref);
          sum = sum == null ? g : sum.add(g);
        }
        reference = sum.div(m.create((float) episodes.size())).toFloatArray();
        return out;
      }
    });
    double mean = 0;
    for (double v : s) {
      mean += v / s.length;
    }
    double var = 0;
    for (double v : s) {
      var += (v - mean) * (v - mean) / s.length;
    }
    lastMean = mean;
    lastSpread = Math.sqrt(var);
    scale = Double.isNaN(scale) ? lastSpread : 0.9 * scale + 0.1 * lastSpread;
    float[] bonus = new float[s.length];
    for (int e = 0; e < s.length; e++) {
      bonus[e] = scale > 1e-12 ? (float) (weight * (s[e] - mean) / scale) : 0f;
    }
    return bonus;
  }

  /** The mean stability s of the last call's episodes (NaN before the first). */
  double lastMean() {
    return lastMean;
  }

  /** The deviation of s across the last call's episodes (NaN before the first). */
  double lastSpread() {
    return lastSpread;
  }

  /**
   * s = −mean |g − ref| over the 5 % of entries whose change is smallest, among the entries
   * either gradient touches (an entry no input reaches, such as an unused token's embedding,
   * would otherwise make every s 0); against no reference, ref = 0.
   */
  static double stability(Tensor g, Tensor ref) {
    Tensor change = ref == null ? g.abs() : g.sub(ref).abs(); // (P)
    Tensor touched = ref == null ? g.neq(0f) : g.neq(0f).logicalOr(ref.neq(0f));
    Tensor live = change.booleanMask(touched);
    long n = live.size();
    if (n == 0) {
      return 0;
    }
    int k = (int) Math.max(1, Math.ceil(SHARE * n));
    return -live.sort().get(new Index("0:" + k)).mean().getFloat();
  }

  /**
   * ∇ of the episode's mean log-probability of what it did (per token for sequences), over all
   * parameters flattened in file order (P); the parameters' gradients are zeroed afterwards.
   */
  private Tensor gradient(Weights w, Arena m, List<EpisodeGroups.Sample> episode, ActionSpace space) {
    Autograd.record(() -> {
      Autograd.backward(meanLogp(w, m, episode, space));
      return null;
    });
    List<Tensor> flat = new ArrayList<>();
    List<Tensor> grads = new ArrayList<>();
    for (Tensor p : w.all().values()) {
      Tensor grad = p.getGradient();
      grad.attach(m);
      grads.add(grad);
      flat.add(grad.reshape(-1));
    }
    Tensor g = Tensor.concat(flat, 0); // (P), a copy
    for (Tensor grad : grads) {
      grad.muli(0f);
    }
    return g;
  }

  private Tensor meanLogp(Weights w, Arena m, List<EpisodeGroups.Sample> episode, ActionSpace space) {
    int n = episode.size();
    List<BrainInput> in = new ArrayList<>(n);
    for (EpisodeGroups.Sample s : episode) {
      in.add(s.input());
    }
    if (space.oneByte()) {
      long[] act = new long[n];
      for (int j = 0; j < n; j++) {
        act[j] = episode.get(j).choice();
      }
      Tensor logAll = Policy.forward(w, m, in, space.alphabet(), true)[0].logSoftmax(-1); // (B, A)
      return logAll.gather(m.create(act, new Shape(n, 1)), 1).mean();
    }
    int[][] tokens = new int[n][];
    for (int j = 0; j < n; j++) {
      tokens[j] = episode.get(j).tokens();
    }
    Tensor[] seq = Policy.sequence(w, m, in, tokens, space.channel(), temperature, true);
    return seq[0].mul(seq[2]).sum().div(seq[2].sum().maximum(m.create(1f)));
  }
}
