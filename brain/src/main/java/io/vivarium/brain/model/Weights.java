package io.vivarium.brain.model;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainShape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The named parameters of one brain, in a fixed order, all owned by one long-lived
 * {@link Arena}. Names and order are part of the brain file format.
 *
 * <p>Layout (C = dim, V = vocab, K = channels, P3 = P×P×3, G = grid, L = layers; A = heads·headDim
 * and F = mlp, C and 4C by default):
 * {@code tok (V, C)}, {@code chan (K, C)}, {@code pos (block, C)}, {@code patch.w (C, P3)},
 * {@code patch.b (C)}, {@code patch.row (G, C)}, {@code patch.col (G, C)}; per block i
 * {@code h<i>.ln1.g/b (C)}, {@code h<i>.attn.w (3A, C)}, {@code h<i>.attn.b (3A)},
 * {@code h<i>.proj.w (C, A)}, {@code h<i>.proj.b (C)}, {@code h<i>.ln2.g/b (C)},
 * {@code h<i>.fc.w (F, C)}, {@code h<i>.fc.b (F)}, {@code h<i>.out.w (C, F)},
 * {@code h<i>.out.b (C)}; then {@code lnf.g/b (C)}, {@code value.w (1, C)}, {@code value.b (1)},
 * {@code unpatch.w (P3, C)}, {@code unpatch.b (P3)}. Linear weights are (out, in).
 *
 * <p>Not thread-safe for writes; {@link io.vivarium.brain.TorchBrain} guards it.
 */
public final class Weights implements AutoCloseable {
  private final BrainShape shape;
  private final Arena arena;
  private final Map<String, Tensor> arrays = new LinkedHashMap<>();

  private Weights(BrainShape shape, Arena arena) {
    this.shape = shape;
    this.arena = arena;
  }

  /** The parameter shapes of {@code s}, in file order. */
  public static Map<String, Shape> layout(BrainShape s) {
    long c = s.dim();
    long a = s.attention(); // heads·headDim
    long f = s.mlp();
    long p3 = s.patchValues();
    Map<String, Shape> m = new LinkedHashMap<>();
    m.put("tok", new Shape(s.vocab(), c));
    m.put("chan", new Shape(s.channels(), c));
    m.put("pos", new Shape(s.block(), c));
    m.put("patch.w", new Shape(c, p3));
    m.put("patch.b", new Shape(c));
    m.put("patch.row", new Shape(s.grid(), c));
    m.put("patch.col", new Shape(s.grid(), c));
    for (int i = 0; i < s.layers(); i++) {
      String h = "h" + i + ".";
      m.put(h + "ln1.g", new Shape(c));
      m.put(h + "ln1.b", new Shape(c));
      m.put(h + "attn.w", new Shape(3 * a, c));
      m.put(h + "attn.b", new Shape(3 * a));
      m.put(h + "proj.w", new Shape(c, a));
      m.put(h + "proj.b", new Shape(c));
      m.put(h + "ln2.g", new Shape(c));
      m.put(h + "ln2.b", new Shape(c));
      m.put(h + "fc.w", new Shape(f, c));
      m.put(h + "fc.b", new Shape(f));
      m.put(h + "out.w", new Shape(c, f));
      m.put(h + "out.b", new Shape(c));
    }
    m.put("lnf.g", new Shape(c));
    m.put("lnf.b", new Shape(c));
    m.put("value.w", new Shape(1, c));
    m.put("value.b", new Shape(1));
    m.put("unpatch.w", new Shape(p3, c));
    m.put("unpatch.b", new Shape(p3));
    if (s.group() > 1) { // last, so a grouped brain's other weights start as an ungrouped one's
      m.put("group.w", new Shape(c, s.group() * c));
    }
    return m;
  }

  /**
   * Fresh weights, GPT-2 style: normal(0, 0.02) matrices and embeddings, residual projections
   * scaled by 1/sqrt(2L), zero biases, unit LayerNorm gains; the group projection normal with
   * deviation 1/sqrt(G·C). Deterministic for a seed.
   */
  public static Weights init(BrainShape s, Arena parent, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double residual = 0.02 / Math.sqrt(2.0 * s.layers());
    Map<String, Shape> layout = layout(s);
    // drawn one parameter at a time in layout order: the Java heap never holds the whole brain
    return of(s, parent, name -> {
      float[] v = new float[Math.toIntExact(layout.get(name).size())];
      if (name.endsWith(".g")) {
        java.util.Arrays.fill(v, 1f);
      } else if (!name.endsWith(".b")) {
        double std = name.endsWith("proj.w") || name.endsWith("out.w") ? residual : 0.02;
        if (name.equals("group.w")) { // keeps a position's embedding as large as one token's
          std = 1 / Math.sqrt((double) s.group() * s.dim());
        }
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) (rng.nextGaussian() * std);
        }
      }
      return v;
    });
  }

  /** Weights holding {@code values} (one array per {@link #layout} entry, in any order). */
  public static Weights of(BrainShape s, Arena parent, Map<String, float[]> values) {
    return of(s, parent, values::get);
  }

  /**
   * Weights whose values {@code values} gives by name, asked once per parameter in {@link #layout}
   * order (a brain file streams them in that order); each array may be dropped once copied.
   */
  public static Weights of(BrainShape s, Arena parent, Function<String, float[]> values) {
    Weights w = new Weights(s, parent.newChild());
    try {
      for (Map.Entry<String, Shape> e : layout(s).entrySet()) {
        float[] v = values.apply(e.getKey());
        if (v == null || v.length != e.getValue().size()) {
          throw new IllegalArgumentException(
              "parameter " + e.getKey() + " needs " + e.getValue().size() + " values of shape "
                  + e.getValue() + "; got " + (v == null ? "none" : v.length));
        }
        Tensor a = w.arena.create(v, e.getValue());
        a.setRequiresGradient(true);
        w.arrays.put(e.getKey(), a);
      }
      return w;
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /** The parameter named {@code name}. */
  public Tensor get(String name) {
    Tensor a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no parameter named '" + name + "'");
    }
    return a;
  }

  /** All parameters, in file order (unmodifiable). */
  public Map<String, Tensor> all() {
    return Collections.unmodifiableMap(arrays);
  }

  /** A copy of every parameter's values as Java arrays, in file order. */
  public Map<String, float[]> toArrays() {
    Map<String, float[]> m = new LinkedHashMap<>();
    arrays.forEach((k, v) -> m.put(k, v.toFloatArray()));
    return m;
  }

  /** Number of scalar parameters. */
  public long count() {
    long n = 0;
    for (Tensor a : arrays.values()) {
      n += a.size();
    }
    return n;
  }

  /** The shape these weights were made for. */
  public BrainShape shape() {
    return shape;
  }

  /** The long-lived arena owning the parameters; per-step arenas are its children. */
  public Arena arena() {
    return arena;
  }

  @Override
  public void close() {
    arena.close();
  }
}
