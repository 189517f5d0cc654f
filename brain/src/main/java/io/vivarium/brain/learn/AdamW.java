package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import java.util.List;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.model.Weights;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * AdamW with decoupled weight decay on matrices and embeddings (rank ≥ 2) only, and global
 * gradient-norm clipping, as nanoGPT configures it. Moment estimates live in a arena of
 * their own under the weights' arena; everything temporary lives in the step's arena.
 *
 * <p>{@link #exportState()} and {@link #importState} carry the moments and the step counter
 * across a restart (layout in docs/formats.md, "Optimizer state").
 *
 * <p>Not thread-safe: call {@link #step} from inside {@link io.vivarium.brain.TorchBrain#update},
 * and export or import on the thread that steps.
 */
public final class AdamW implements AutoCloseable {
  /** The state format's magic number, "VVAW". */
  public static final int MAGIC = 0x56564157;
  /** The state format's version. */
  public static final int VERSION = 1;
  private final Weights weights;
  private final Arena state;
  private final List<Tensor> params = new ArrayList<>();
  private final List<Tensor> first = new ArrayList<>();
  private final List<Tensor> second = new ArrayList<>();
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private int t;

  /** An optimizer for all of {@code weights} as {@code config} says (its gradient clip is the caller's). */
  public static AdamW of(TorchBrain brain, io.vivarium.core.config.OptimizerConfig config) {
    return brain.update(w -> new AdamW(w, config.beta1(), config.beta2(), config.eps(), config.weightDecay()));
  }

  /** An optimizer for all of {@code weights}. */
  public AdamW(Weights weights, double beta1, double beta2, double eps, double weightDecay) {
    this.weights = weights;
    this.state = weights.arena().newChild();
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    for (Tensor p : weights.all().values()) {
      params.add(p);
      first.add(state.zeros(p.getShape()));
      second.add(state.zeros(p.getShape()));
    }
  }

  /**
   * Applies one update from the gradients of the last backward pass, then zeroes them.
   *
   * @param step the step's arena; every temporary array is attached to it
   * @param lr the learning rate for this step
   * @param clip the largest allowed global gradient norm (0 = no clipping)
   * @return the gradient norm before clipping
   */
  public float step(Arena step, double lr, double clip) {
    t++;
    List<Tensor> grads = new ArrayList<>(params.size());
    List<Tensor> norms = new ArrayList<>();
    for (Tensor p : params) {
      Tensor g = local(step, p.getGradient());
      grads.add(g);
      norms.add(g.norm());
    }
    float norm = (float) Math.sqrt(Tensor.stack(norms).square().sum().getFloat());
    float scale = clip > 0 && norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;
    // AdamW: p -= lr·wd·p (decoupled decay, matrices only); m = β1·m + (1 − β1)·g;
    // v = β2·v + (1 − β2)·g²; p -= lr · m̂ / (sqrt(v̂) + ε), with m̂ = m / (1 − β1^t) and
    // v̂ = v / (1 − β2^t) folded into the step size and ε. Then the gradient is zeroed.
    double root2 = Math.sqrt(1 - Math.pow(beta2, t));
    double c = lr * root2 / (1 - Math.pow(beta1, t));
    double e = eps * root2;
    for (int i = 0; i < params.size(); i++) {
      Tensor p = params.get(i);
      Tensor g = grads.get(i);
      if (scale != 1f) {
        g.muli(scale);
      }
      if (p.getShape().dimension() >= 2 && weightDecay > 0) {
        p.muli(1 - lr * weightDecay);
      }
      Tensor m = first.get(i);
      Tensor v = second.get(i);
      m.muli(beta1).addScaledi(g, 1 - beta1);
      v.muli(beta2).addProducti(g, g, 1 - beta2);
      try (Tensor denom = v.sqrt()) {
        p.addQuotienti(m, denom.addi(e), -c);
      }
      g.zeroi();
    }
    return norm;
  }

  private static Tensor local(Arena step, Tensor a) {
    a.attach(step);
    return a;
  }

  /**
   * The optimizer's state as bytes: magic, version, step counter, then per parameter (in the
   * weights' order) its shape and both moments.
   */
  public byte[] exportState() {
    List<float[]> m = new ArrayList<>(params.size());
    List<float[]> v = new ArrayList<>(params.size());
    int size = 4 + 4 + 4 + 4;
    for (int i = 0; i < params.size(); i++) {
      m.add(first.get(i).toFloatArray());
      v.add(second.get(i).toFloatArray());
      size += 1 + 8 * params.get(i).getShape().dimension() + 8 * m.get(i).length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(MAGIC).putInt(VERSION).putInt(t).putInt(params.size());
    for (int i = 0; i < params.size(); i++) {
      long[] dims = params.get(i).getShape().getShape();
      out.put((byte) dims.length);
      for (long d : dims) {
        out.putLong(d);
      }
      out.asFloatBuffer().put(m.get(i));
      out.position(out.position() + 4 * m.get(i).length);
      out.asFloatBuffer().put(v.get(i));
      out.position(out.position() + 4 * v.get(i).length);
    }
    return out.array();
  }

  /**
   * Replaces the moments and the step counter with {@code bytes} from {@link #exportState()}.
   * Everything is checked before anything changes, so a refused state leaves this optimizer as
   * it was.
   *
   * @throws IllegalArgumentException when the bytes are not an optimizer state of the same
   *     format version, or their parameter count or shapes differ from these weights'
   */
  public void importState(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    List<float[]> m = new ArrayList<>(params.size());
    List<float[]> v = new ArrayList<>(params.size());
    int steps;
    try {
      int magic = in.getInt();
      if (magic != MAGIC) {
        throw refused("magic is " + Integer.toHexString(magic) + ", not VVAW");
      }
      int version = in.getInt();
      if (version != VERSION) {
        throw refused("format version " + version + " is unknown (this vivarium reads " + VERSION + ")");
      }
      steps = in.getInt();
      int count = in.getInt();
      if (steps < 0 || count != params.size()) {
        throw refused("it has " + count + " parameters and step " + steps + "; these weights have "
            + params.size() + " parameters");
      }
      for (int i = 0; i < count; i++) {
        Shape expected = params.get(i).getShape();
        long[] dims = new long[in.get()];
        for (int d = 0; d < dims.length; d++) {
          dims[d] = in.getLong();
        }
        if (!Arrays.equals(dims, expected.getShape())) {
          throw refused("parameter " + i + " has shape " + new Shape(dims) + " but these weights' is " + expected);
        }
        m.add(floats(in, (int) expected.size()));
        v.add(floats(in, (int) expected.size()));
      }
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw refused("it is truncated (" + bytes.length + " bytes)");
    }
    if (in.hasRemaining()) {
      throw refused(in.remaining() + " bytes follow its last parameter");
    }
    for (int i = 0; i < params.size(); i++) {
      Shape shape = params.get(i).getShape();
      replace(first, i, state.create(m.get(i), shape));
      replace(second, i, state.create(v.get(i), shape));
    }
    t = steps;
  }

  private static float[] floats(ByteBuffer in, int n) {
    float[] out = new float[n];
    in.asFloatBuffer().get(out);
    in.position(in.position() + 4 * n);
    return out;
  }

  private static void replace(List<Tensor> list, int i, Tensor fresh) {
    list.set(i, fresh).close();
  }

  private static IllegalArgumentException refused(String why) {
    return new IllegalArgumentException("optimizer state refused: " + why);
  }

  /** Number of updates applied so far. */
  public int steps() {
    return t;
  }

  /** The weights this optimizer updates. */
  public Weights weights() {
    return weights;
  }

  @Override
  public void close() {
    state.close();
  }
}
