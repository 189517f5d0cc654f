package io.vivarium.brain.tensor;

import io.vivarium.brain.Torch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Owns tensors and child arenas and frees them all when closed: the native memory behind a step's
 * intermediate results lives exactly as long as the step's arena. Arenas nest (a child closes
 * with its parent). Creating tensors here puts them in this arena, on the process's device
 * ({@link Torch#device}: the CPU, or CUDA with {@code brain.device=gpu}).
 *
 * <p>Thread-safe: tensors may join or leave an arena from any thread; a tensor itself is used by
 * one thread at a time.
 */
public final class Arena implements AutoCloseable {
  private final Arena parent;
  private final Set<Tensor> tensors = new LinkedHashSet<>();
  private final Set<Arena> children = new LinkedHashSet<>();
  private boolean closed;

  private Arena(Arena parent) {
    this.parent = parent;
  }

  /** A new arena with no parent; starts the engine if needed. */
  public static Arena newRoot() {
    Torch.engine();
    return new Arena(null);
  }

  /** A new arena closed with this one (or before it). */
  public synchronized Arena newChild() {
    checkOpen();
    Arena child = new Arena(this);
    children.add(child);
    return child;
  }

  /** The arena this one was made from, or null for a root. */
  public Arena parent() {
    return parent;
  }

  /** The live tensors here and in every child arena, recursively: what a leak check counts. */
  public synchronized int count() {
    int n = tensors.size();
    for (Arena a : children) {
      n += a.count();
    }
    return n;
  }

  /** Whether {@link #close} has run. */
  public synchronized boolean isOpen() {
    return !closed;
  }

  /** A float32 scalar. */
  public Tensor create(float value) {
    return create(new float[] {value}, new Shape());
  }

  /** An int64 scalar. */
  public Tensor create(long value) {
    return create(new long[] {value}, new Shape());
  }

  /** An int64 scalar. */
  public Tensor create(int value) {
    return create((long) value);
  }

  /** A float32 vector. */
  public Tensor create(float[] data) {
    return create(data, new Shape(data.length));
  }

  /** A float32 tensor of {@code shape} filled from {@code data} in row-major order. */
  public Tensor create(float[] data, Shape shape) {
    org.bytedeco.pytorch.Tensor t = empty(shape, ScalarType.Float, data.length);
    if (data.length > 0) {
      t.data_ptr_float().put(data);
    }
    return placed(t);
  }

  /** An int64 vector. */
  public Tensor create(long[] data) {
    return create(data, new Shape(data.length));
  }

  /** An int64 tensor of {@code shape} filled from {@code data} in row-major order. */
  public Tensor create(long[] data, Shape shape) {
    org.bytedeco.pytorch.Tensor t = empty(shape, ScalarType.Long, data.length);
    if (data.length > 0) {
      t.data_ptr_long().put(data);
    }
    return placed(t);
  }

  /** An int64 vector of {@code data}'s values (indices are int64 throughout). */
  public Tensor create(int[] data) {
    return create(data, new Shape(data.length));
  }

  /** An int64 tensor of {@code shape} holding {@code data}'s values. */
  public Tensor create(int[] data, Shape shape) {
    long[] wide = new long[data.length];
    for (int i = 0; i < data.length; i++) {
      wide[i] = data[i];
    }
    return create(wide, shape);
  }

  /** A boolean tensor of {@code shape}. */
  public Tensor create(boolean[] data, Shape shape) {
    org.bytedeco.pytorch.Tensor t = empty(shape, ScalarType.Bool, data.length);
    org.bytedeco.javacpp.BoolPointer p = t.data_ptr_bool();
    for (int i = 0; i < data.length; i++) {
      p.put(i, data[i]);
    }
    return placed(t);
  }

  /** A float32 tensor of zeros. */
  public Tensor zeros(Shape shape) {
    return placed(torch.zeros(shape.getShape()));
  }

  /** A float32 tensor of ones. */
  public Tensor ones(Shape shape) {
    return placed(torch.ones(shape.getShape()));
  }

  /** A float32 tensor filled with {@code value}. */
  public Tensor full(Shape shape, float value) {
    try (Scalar v = new Scalar(value)) {
      return placed(torch.full(shape.getShape(), v));
    }
  }

  /** The int64 vector {@code start, start + 1, …, stop − 1}. */
  public Tensor arange(long start, long stop) {
    try (Scalar a = new Scalar(start); Scalar b = new Scalar(stop);
        TensorOptions o = new TensorOptions(ScalarType.Long)) {
      return placed(torch.arange(a, b, o));
    }
  }

  /** A float32 tensor of standard normal draws from libtorch's generator. */
  public Tensor randomNormal(Shape shape) {
    return placed(torch.randn(shape.getShape()));
  }

  private static org.bytedeco.pytorch.Tensor empty(Shape shape, ScalarType type, int length) {
    if (shape.size() != length) {
      throw new IllegalArgumentException(
          "a tensor of shape " + shape + " needs " + shape.size() + " values; got " + length);
    }
    try (TensorOptions o = new TensorOptions(type)) {
      return torch.empty(shape.getShape(), o, Constants.ANY_FORMAT);
    }
  }

  /**
   * Wraps a tensor made here (from Java values or a factory, on the CPU) as a tensor of this
   * arena, first moving it to the CUDA device when the process computes there ({@link Torch#onCuda}).
   */
  private Tensor placed(org.bytedeco.pytorch.Tensor t) {
    if (!Torch.onCuda()) {
      return adopt(t);
    }
    try (t) {
      return adopt(t.cuda());
    }
  }

  /** Wraps a native result as a tensor of this arena. */
  Tensor adopt(org.bytedeco.pytorch.Tensor t) {
    Tensor out = new Tensor(t, this);
    add(out);
    return out;
  }

  synchronized void add(Tensor t) {
    checkOpen();
    tensors.add(t);
  }

  synchronized void remove(Tensor t) {
    tensors.remove(t);
  }

  private synchronized void removeChild(Arena child) {
    children.remove(child);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this tensor arena is closed");
    }
  }

  /** Frees every tensor and child arena still here; idempotent. */
  @Override
  public void close() {
    List<Arena> kids;
    List<Tensor> owned;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      kids = new ArrayList<>(children);
      owned = new ArrayList<>(tensors);
      children.clear();
      tensors.clear();
    }
    for (Arena a : kids) {
      a.close();
    }
    for (Tensor t : owned) {
      t.free();
    }
    if (parent != null) {
      parent.removeChild(this);
    }
  }
}
