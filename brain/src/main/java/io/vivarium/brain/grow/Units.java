package io.vivarium.brain.grow;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Adding and removing units inside every block: an attention head ({@link Growth#ADD_HEAD},
 * {@link Growth#PRUNE_HEAD}) or MLP hidden units ({@link Growth#WIDEN_MLP}). A new unit reads with
 * random weights and writes through zero columns, so it adds exactly 0 until it learns; {@link
 * Growth#PRUNE_MLP} removes MLP hidden units again. Stateless; thread-safe.
 */
final class Units {
  /** Deviation of a new unit's input weights, as at initialisation. */
  static final double STD = 0.02;

  private Units() {}

  /** The MLP width after {@link Growth#WIDEN_MLP}: half as many hidden units again. */
  static int widerMlp(BrainShape s) {
    return s.mlp() + Math.max(1, s.mlp() / 2);
  }

  /** The MLP width after {@link Growth#PRUNE_MLP}: a third fewer hidden units (at least one fewer). */
  static int prunedMlp(BrainShape s) {
    return s.mlp() - Math.max(1, s.mlp() / 3);
  }

  /**
   * {@code values} without the MLP hidden units {@code removed[i]} of block i (each block the
   * same count), the others kept in order.
   */
  static Map<String, float[]> removeMlp(BrainShape s, Map<String, float[]> values, int[][] removed) {
    int f = s.mlp();
    int kept = f - removed[0].length;
    Map<String, float[]> out = new LinkedHashMap<>(values);
    for (int i = 0; i < s.layers(); i++) {
      boolean[] gone = new boolean[f];
      for (int k : removed[i]) {
        gone[k] = true;
      }
      int[] hidden = new int[kept]; // new hidden index → old
      for (int k = 0, n = 0; k < f; k++) {
        if (!gone[k]) {
          hidden[n++] = k;
        }
      }
      String h = "h" + i + ".";
      out.put(h + "fc.w", take(values.get(h + "fc.w"), s.dim(), hidden, identity(s.dim()), null));
      out.put(h + "fc.b", take(values.get(h + "fc.b"), f, new int[] {0}, hidden, null));
      out.put(h + "out.w", take(values.get(h + "out.w"), f, identity(s.dim()), hidden, null));
    }
    return ordered(s.withMlp(kept), out);
  }

  /**
   * {@code values} with one more head (index H) in every block: its q, k, v rows drawn from
   * {@code seed} (zero biases), its projection columns zero; all zero when {@code seed} is null.
   */
  static Map<String, float[]> addHead(BrainShape s, Map<String, float[]> values, Long seed) {
    int[] heads = new int[s.layers()];
    java.util.Arrays.fill(heads, -1);
    return heads(s, values, heads, seed);
  }

  /** {@code values} without head {@code removed[i]} of block i. */
  static Map<String, float[]> removeHeads(BrainShape s, Map<String, float[]> values, int[] removed) {
    return heads(s, values, removed, null);
  }

  /** Adds a head to every block where {@code removed} is −1, else removes that head. */
  private static Map<String, float[]> heads(BrainShape s, Map<String, float[]> values, int[] removed, Long seed) {
    boolean add = removed.length > 0 && removed[0] < 0;
    BrainShape to = s.withHeads(s.heads() + (add ? 1 : -1), s.headDim());
    SplittableRandom rng = seed == null ? null : new SplittableRandom(seed);
    int a = s.attention();
    int d = s.headDim();
    Map<String, float[]> out = new LinkedHashMap<>(values);
    for (int i = 0; i < s.layers(); i++) {
      String h = "h" + i + ".";
      int[] inner = new int[to.attention()]; // new attention index → old, −1 for the new head
      for (int k = 0; k < inner.length; k++) {
        inner[k] = add ? (k < a ? k : -1) : (k < removed[i] * d ? k : k + d);
      }
      int[] qkv = new int[3 * inner.length];
      for (int k = 0; k < qkv.length; k++) {
        int from = inner[k % inner.length];
        qkv[k] = from < 0 ? -1 : (k / inner.length) * a + from;
      }
      out.put(h + "attn.w", take(values.get(h + "attn.w"), s.dim(), qkv, identity(s.dim()), rng));
      out.put(h + "attn.b", take(values.get(h + "attn.b"), 3 * a, new int[] {0}, qkv, null));
      out.put(h + "proj.w", take(values.get(h + "proj.w"), a, identity(s.dim()), inner, null));
    }
    return ordered(to, out);
  }

  /** {@code values} with {@link #widerMlp} hidden units in every block; new ones as in addHead. */
  static Map<String, float[]> widenMlp(BrainShape s, Map<String, float[]> values, Long seed) {
    BrainShape to = s.withMlp(widerMlp(s));
    SplittableRandom rng = seed == null ? null : new SplittableRandom(seed);
    int[] hidden = new int[to.mlp()];
    for (int k = 0; k < hidden.length; k++) {
      hidden[k] = k < s.mlp() ? k : -1;
    }
    Map<String, float[]> out = new LinkedHashMap<>(values);
    for (int i = 0; i < s.layers(); i++) {
      String h = "h" + i + ".";
      out.put(h + "fc.w", take(values.get(h + "fc.w"), s.dim(), hidden, identity(s.dim()), rng));
      out.put(h + "fc.b", take(values.get(h + "fc.b"), s.mlp(), new int[] {0}, hidden, null));
      out.put(h + "out.w", take(values.get(h + "out.w"), s.mlp(), identity(s.dim()), hidden, null));
    }
    return ordered(to, out);
  }

  /**
   * A (rows.length, cols.length) matrix of {@code v} (·, {@code width}): entry (r, c) copies
   * v[rows[r]][cols[c]], or is new where either index is −1: drawn from {@code rng}, or 0.
   */
  static float[] take(float[] v, int width, int[] rows, int[] cols, SplittableRandom rng) {
    float[] out = new float[rows.length * cols.length];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < cols.length; c++) {
        out[r * cols.length + c] = rows[r] < 0 || cols[c] < 0
            ? (rng == null ? 0f : (float) (rng.nextGaussian() * STD))
            : v[rows[r] * width + cols[c]];
      }
    }
    return out;
  }

  static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static Map<String, float[]> ordered(BrainShape s, Map<String, float[]> values) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : Weights.layout(s).entrySet()) {
      out.put(e.getKey(), values.get(e.getKey()));
    }
    return out;
  }
}
