package io.vivarium.brain.grow;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The effect of each block (or each head of each block) of a brain on probe inputs: the mean,
 * over the inputs, of the relative change ‖h′ − h‖ / ‖h‖ of the final hidden states (all
 * positions) when that block is skipped (that head's output dropped); and the weight-based effect
 * of each MLP hidden unit. Stateless; thread-safe (reads the brain under its read lock).
 */
final class Pruning {
  /** Inputs in the probe built from a seed. */
  static final int PROBE_INPUTS = 4;
  /** Positions per probe input (fewer when the block is shorter). */
  static final int PROBE_POSITIONS = 16;

  private Pruning() {}

  /** A fixed probe for {@code seed}: random byte prompts, all prefix, of whole groups. */
  static List<BrainInput> probe(BrainShape s, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = Math.min(PROBE_POSITIONS, s.block()) * s.group();
    List<BrainInput> probe = new ArrayList<>();
    for (int i = 0; i < PROBE_INPUTS; i++) {
      int[] tokens = new int[n];
      tokens[0] = Vocabulary.marker(Channel.TEXT);
      for (int j = 1; j < n; j++) {
        tokens[j] = rng.nextInt(256);
      }
      probe.add(BrainInput.of(tokens, Channel.TEXT, n));
    }
    return probe;
  }

  /** Block i's effect at index i. */
  static double[] effects(TorchBrain brain, List<BrainInput> probe) {
    if (probe.isEmpty()) {
      throw new IllegalArgumentException("pruning needs at least one probe input; got none");
    }
    BrainShape s = brain.shape();
    Map<String, float[]> values = brain.infer(Weights::toArrays);
    List<float[]> full = brain.infer(w -> hidden(w, probe));
    double[] effect = new double[s.layers()];
    BrainShape shallower = s.with(s.layers() - 1, s.heads(), s.dim(), s.block(), s.dropout());
    for (int i = 0; i < s.layers(); i++) {
      effect[i] = effect(shallower, Blocks.remove(s, values, i), full, probe);
    }
    return effect;
  }

  /** Head j of block i's effect at [i][j]: its projection columns zeroed. */
  static double[][] headEffects(TorchBrain brain, List<BrainInput> probe) {
    if (probe.isEmpty()) {
      throw new IllegalArgumentException("pruning needs at least one probe input; got none");
    }
    BrainShape s = brain.shape();
    Map<String, float[]> values = brain.infer(Weights::toArrays);
    List<float[]> full = brain.infer(w -> hidden(w, probe));
    double[][] effect = new double[s.layers()][s.heads()];
    int a = s.attention();
    int d = s.headDim();
    for (int i = 0; i < s.layers(); i++) {
      String proj = "h" + i + ".proj.w";
      for (int j = 0; j < s.heads(); j++) {
        float[] silent = values.get(proj).clone(); // (C, A)
        for (int r = 0; r < s.dim(); r++) {
          java.util.Arrays.fill(silent, r * a + j * d, r * a + (j + 1) * d, 0f);
        }
        Map<String, float[]> variant = new java.util.LinkedHashMap<>(values);
        variant.put(proj, silent);
        effect[i][j] = effect(s, variant, full, probe);
      }
    }
    return effect;
  }

  private static double effect(BrainShape s, Map<String, float[]> variant, List<float[]> full,
      List<BrainInput> probe) {
    double effect = 0;
    try (Arena root = Arena.newRoot();
        Weights w = Weights.of(s, root, variant)) {
      List<float[]> changed = hidden(w, probe);
      for (int k = 0; k < probe.size(); k++) {
        effect += relativeChange(full.get(k), changed.get(k)) / probe.size();
      }
    }
    return effect;
  }

  /** The block with the least effect; among equal ones, the seed picks. */
  static int weakest(double[] effect, long seed) {
    List<Integer> least = new ArrayList<>();
    for (int i = 0; i < effect.length; i++) {
      if (least.isEmpty() || effect[i] < effect[least.get(0)]) {
        least.clear();
        least.add(i);
      } else if (effect[i] == effect[least.get(0)]) {
        least.add(i);
      }
    }
    return least.get(new SplittableRandom(seed).nextInt(least.size()));
  }

  /**
   * MLP unit k of block i's effect at [i][k], from the weights alone: ‖out.w[:, k]‖ · ‖(fc.w[k, :],
   * fc.b[k])‖: how strongly it reads times how strongly it writes, a bound (up to GELU's slope) on
   * what it adds to the residual stream per unit of input. A unit writing through zero columns has
   * effect 0.
   */
  static double[][] mlpEffects(BrainShape s, Map<String, float[]> values) {
    int c = s.dim();
    int f = s.mlp();
    double[][] effect = new double[s.layers()][f];
    for (int i = 0; i < s.layers(); i++) {
      float[] fc = values.get("h" + i + ".fc.w"); // (F, C)
      float[] fcb = values.get("h" + i + ".fc.b"); // (F)
      float[] out = values.get("h" + i + ".out.w"); // (C, F)
      for (int k = 0; k < f; k++) {
        double in = fcb[k] * (double) fcb[k];
        double written = 0;
        for (int j = 0; j < c; j++) {
          in += fc[k * c + j] * (double) fc[k * c + j];
          written += out[j * f + k] * (double) out[j * f + k];
        }
        effect[i][k] = Math.sqrt(in * written);
      }
    }
    return effect;
  }

  /** The {@code count} indices of least effect, in increasing order; among equal ones, the seed picks. */
  static int[] weakest(double[] effect, int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] tie = new double[effect.length];
    Integer[] order = new Integer[effect.length];
    for (int i = 0; i < effect.length; i++) {
      tie[i] = rng.nextDouble();
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> effect[a] != effect[b]
        ? Double.compare(effect[a], effect[b]) : Double.compare(tie[a], tie[b]));
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = order[i];
    }
    java.util.Arrays.sort(out);
    return out;
  }

  /** Each input's final hidden state (S, C), flattened; one input per pass, so no padding. */
  private static List<float[]> hidden(Weights w, List<BrainInput> probe) {
    List<float[]> out = new ArrayList<>();
    for (BrainInput in : probe) {
      try (Arena m = w.arena().newChild()) {
        out.add(Transformer.hidden(w, Batch.of(m, w.shape(), List.of(in)), false).toFloatArray());
      }
    }
    return out;
  }

  private static double relativeChange(float[] h, float[] skipped) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < h.length; i++) {
      diff += (skipped[i] - h[i]) * (double) (skipped[i] - h[i]);
      norm += h[i] * (double) h[i];
    }
    return Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-12);
  }
}
