package io.vivarium.brain.grow;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inserting and removing whole blocks: {@link Growth#DEEPEN} (a new pre-LN block that adds
 * exactly zero to the residual stream) and the renumbering that {@link Growth#PRUNE_BLOCK}
 * needs. Stateless; thread-safe.
 */
final class Blocks {
  /** Deviation of the new block's attention and MLP input weights, as at initialisation. */
  static final double STD = 0.02;

  private Blocks() {}

  /** Where DEEPEN inserts its block for {@code seed}: 0..L. */
  static int position(BrainShape s, long seed) {
    return new SplittableRandom(seed).nextInt(s.layers() + 1);
  }

  /**
   * {@code values} with a new block at {@code at}; the blocks from {@code at} on move up one.
   * The new block's values are drawn from {@code seed} (after the draw of {@link #position}), or
   * all zero when {@code seed} is null (an optimizer's moments).
   */
  static Map<String, float[]> insert(BrainShape s, Map<String, float[]> values, int at, Long seed) {
    BrainShape deeper = s.with(s.layers() + 1, s.heads(), s.dim(), s.block(), s.dropout());
    SplittableRandom rng = seed == null ? null : new SplittableRandom(seed);
    if (rng != null) {
      rng.nextInt(s.layers() + 1); // the draw position() made
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    String prefix = "h" + at + ".";
    for (Map.Entry<String, Shape> e : Weights.layout(deeper).entrySet()) {
      String name = e.getKey();
      if (name.startsWith(prefix)) {
        int size = Math.toIntExact(e.getValue().size());
        out.put(name, rng == null ? new float[size] : fresh(name.substring(prefix.length()), size, rng));
      } else {
        out.put(name, values.get(rename(name, at, -1)));
      }
    }
    return out;
  }

  /** {@code values} without block {@code at}; the blocks after it move down one. */
  static Map<String, float[]> remove(BrainShape s, Map<String, float[]> values, int at) {
    BrainShape shallower = s.with(s.layers() - 1, s.heads(), s.dim(), s.block(), s.dropout());
    Map<String, float[]> out = new LinkedHashMap<>();
    for (String name : Weights.layout(shallower).keySet()) {
      out.put(name, values.get(rename(name, at, +1)));
    }
    return out;
  }

  /** The old name of new parameter {@code name}: blocks at or after {@code at} shift by {@code by}. */
  static String rename(String name, int at, int by) {
    if (!name.startsWith("h")) {
      return name;
    }
    int dot = name.indexOf('.');
    int i = Integer.parseInt(name.substring(1, dot));
    return i < at ? name : "h" + (i + by) + name.substring(dot);
  }

  /** A new block's parameter: LN gains 1, attention and MLP inputs random, everything else 0. */
  private static float[] fresh(String base, int size, SplittableRandom rng) {
    float[] v = new float[size];
    switch (base) {
      case "ln1.g", "ln2.g" -> Arrays.fill(v, 1f);
      case "attn.w", "fc.w" -> {
        for (int i = 0; i < size; i++) {
          v[i] = (float) (rng.nextGaussian() * STD);
        }
      }
      default -> { } // biases, proj.w and out.w: zero, so the block adds exactly 0
    }
    return v;
  }
}
