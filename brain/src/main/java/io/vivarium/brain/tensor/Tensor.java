package io.vivarium.brain.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.LongArrayRef;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * A libtorch tensor owned by an {@link Arena}. Every operation returns a new tensor in this
 * tensor's arena (the arena of the receiver, never of an argument), so a step's intermediates die
 * with the step's arena; in-place operations ({@code …i}) return this tensor. Shapes broadcast as
 * in PyTorch. Under bf16 autocast ({@link io.vivarium.brain.Autograd}) matrix products come out in
 * bf16; softmaxes and everything read back into Java are float32.
 *
 * <p>Not thread-safe: one thread uses a tensor at a time.
 */
public final class Tensor implements AutoCloseable {
  private org.bytedeco.pytorch.Tensor t;
  private Arena arena;

  Tensor(org.bytedeco.pytorch.Tensor t, Arena arena) {
    this.t = t;
    this.arena = arena;
  }

  private Tensor wrap(org.bytedeco.pytorch.Tensor r) {
    return arena.adopt(r);
  }

  private org.bytedeco.pytorch.Tensor raw() {
    if (t == null) {
      throw new IllegalStateException("this tensor was closed");
    }
    return t;
  }

  // ---- what it is

  /** The arena this tensor belongs to. */
  public Arena arena() {
    return arena;
  }

  public Shape getShape() {
    try (LongArrayRef sizes = raw().sizes()) {
      long[] dims = new long[(int) sizes.size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = sizes.get(i);
      }
      return new Shape(dims);
    }
  }

  /** The element count. */
  public long size() {
    return raw().numel();
  }

  /** libtorch's name of the element type, e.g. {@code Float}, {@code BFloat16}, {@code Long}. */
  public String dataType() {
    return raw().scalar_type().toString();
  }

  /** Moves this tensor into {@code other}'s keeping; it is freed when that arena closes. */
  public void attach(Arena other) {
    if (other == arena) {
      return;
    }
    other.add(this);
    arena.remove(this);
    arena = other;
  }

  /** Frees the native tensor now (its storage lives on while views or the graph use it). */
  @Override
  public void close() {
    if (t != null) {
      arena.remove(this);
      free();
    }
  }

  void free() {
    if (t != null) {
      t.close();
      t = null;
    }
  }

  // ---- autograd

  /** Marks this leaf tensor as a parameter whose gradient backward passes accumulate. */
  public Tensor setRequiresGradient(boolean requires) {
    raw().requires_grad_(requires);
    return this;
  }

  /** The accumulated gradient (zeros when no backward pass reached this tensor), in this arena. */
  public Tensor getGradient() {
    org.bytedeco.pytorch.Tensor g = raw().grad();
    if (!g.defined()) {
      g.close();
      return zerosLike();
    }
    return wrap(g);
  }

  /** Back-propagates this scalar into the gradients of the parameters it depends on. */
  public void backward() {
    raw().backward();
  }

  // ---- arithmetic (broadcasting)

  public Tensor add(Tensor o) {
    return wrap(raw().add(o.raw()));
  }

  public Tensor add(Number v) {
    return withScalar(v, raw()::add);
  }

  public Tensor sub(Tensor o) {
    return wrap(raw().sub(o.raw()));
  }

  public Tensor sub(Number v) {
    return withScalar(v, raw()::sub);
  }

  public Tensor mul(Tensor o) {
    return wrap(raw().mul(o.raw()));
  }

  public Tensor mul(Number v) {
    return withScalar(v, raw()::mul);
  }

  public Tensor div(Tensor o) {
    return wrap(raw().div(o.raw()));
  }

  public Tensor div(Number v) {
    return withScalar(v, raw()::div);
  }

  public Tensor pow(Number v) {
    return withScalar(v, raw()::pow);
  }

  public Tensor pow(Tensor o) {
    return wrap(raw().pow(o.raw()));
  }

  public Tensor maximum(Tensor o) {
    return wrap(torch.maximum(raw(), o.raw()));
  }

  public Tensor maximum(Number v) {
    return withScalar(v, raw()::clamp_min);
  }

  public Tensor minimum(Tensor o) {
    return wrap(torch.minimum(raw(), o.raw()));
  }

  public Tensor minimum(Number v) {
    return withScalar(v, raw()::clamp_max);
  }

  /** Each element clamped to [{@code min}, {@code max}]. */
  public Tensor clip(Number min, Number max) {
    try (Scalar a = scalar(min); Scalar b = scalar(max);
        ScalarOptional lo = new ScalarOptional(a); ScalarOptional hi = new ScalarOptional(b)) {
      return wrap(raw().clamp(lo, hi));
    }
  }

  public Tensor neg() {
    return wrap(raw().neg());
  }

  public Tensor exp() {
    return wrap(raw().exp());
  }

  public Tensor log() {
    return wrap(raw().log());
  }

  public Tensor sqrt() {
    return wrap(raw().sqrt());
  }

  public Tensor square() {
    return wrap(raw().square());
  }

  public Tensor abs() {
    return wrap(raw().abs());
  }

  public Tensor round() {
    return wrap(raw().round());
  }

  /** The L2 norm of all elements, a scalar. */
  public Tensor norm() {
    return wrap(raw().norm());
  }

  // ---- in place

  /** this += o. */
  public Tensor addi(Tensor o) {
    raw().add_(o.raw());
    return this;
  }

  /** this += v. */
  public Tensor addi(Number v) {
    withScalarInPlace(v, raw()::add_);
    return this;
  }

  /** this *= v. */
  public Tensor muli(Number v) {
    withScalarInPlace(v, raw()::mul_);
    return this;
  }

  /** this = this + alpha · o. */
  public Tensor addScaledi(Tensor o, double alpha) {
    try (Scalar s = scalar(alpha)) {
      raw().add_(o.raw(), s);
    }
    return this;
  }

  /** this = this + v · a · b. */
  public Tensor addProducti(Tensor a, Tensor b, double v) {
    try (Scalar s = scalar(v)) {
      raw().addcmul_(a.raw(), b.raw(), s);
    }
    return this;
  }

  /** this = this + v · a / b. */
  public Tensor addQuotienti(Tensor a, Tensor b, double v) {
    try (Scalar s = scalar(v)) {
      raw().addcdiv_(a.raw(), b.raw(), s);
    }
    return this;
  }

  /** this = 0. */
  public Tensor zeroi() {
    raw().zero_();
    return this;
  }

  /** Copies {@code o}'s values into this tensor (same element count, shape broadcast). */
  public Tensor copyFromi(Tensor o) {
    raw().copy_(o.raw());
    return this;
  }

  // ---- comparisons and masks

  public Tensor neq(Number v) {
    return withScalar(v, raw()::ne);
  }

  public Tensor neq(Tensor o) {
    return wrap(raw().ne(o.raw()));
  }

  public Tensor logicalOr(Tensor o) {
    return wrap(raw().logical_or(o.raw()));
  }

  public Tensor isNaN() {
    return wrap(raw().isnan());
  }

  public Tensor isInfinite() {
    return wrap(raw().isinf());
  }

  /** Whether every element is true (non-zero). */
  public boolean all() {
    try (org.bytedeco.pytorch.Tensor a = raw().all()) {
      return a.item_long() != 0;
    }
  }

  /** The rows (along axis 0) where the boolean vector {@code mask} is true. */
  public Tensor booleanMask(Tensor mask) {
    try (org.bytedeco.pytorch.Tensor nz = torch.nonzero(mask.raw());
        org.bytedeco.pytorch.Tensor rows = nz.squeeze(1)) {
      return wrap(raw().index_select(0, rows));
    }
  }

  // ---- reductions

  public Tensor sum() {
    return wrap(raw().sum());
  }

  public Tensor sum(int[] axes) {
    return sum(axes, false);
  }

  public Tensor sum(int[] axes, boolean keepDims) {
    return wrap(raw().sum(longs(axes), keepDims, Constants.SAME_TYPE));
  }

  public Tensor mean() {
    return wrap(raw().mean());
  }

  public Tensor mean(int[] axes) {
    return mean(axes, false);
  }

  public Tensor mean(int[] axes, boolean keepDims) {
    return wrap(raw().mean(longs(axes), keepDims, Constants.SAME_TYPE));
  }

  public Tensor max() {
    return wrap(raw().max());
  }

  public Tensor max(int[] axes) {
    return max(axes, false);
  }

  public Tensor max(int[] axes, boolean keepDims) {
    return wrap(raw().amax(longs(axes), keepDims));
  }

  public Tensor min() {
    return wrap(raw().min());
  }

  public Tensor min(int[] axes) {
    return min(axes, false);
  }

  public Tensor min(int[] axes, boolean keepDims) {
    return wrap(raw().amin(longs(axes), keepDims));
  }

  /** The flat index of the largest element (int64 scalar). */
  public Tensor argMax() {
    return wrap(raw().argmax());
  }

  /** The index of the largest element along {@code axis} (int64, the axis removed). */
  public Tensor argMax(int axis) {
    try (LongOptional a = new LongOptional(axis)) {
      return wrap(raw().argmax(a, false));
    }
  }

  /** Sorted ascending along the last axis. */
  public Tensor sort() {
    try (T_TensorTensor_T r = raw().sort(-1, false)) {
      return wrap(new org.bytedeco.pytorch.Tensor(r.get0())); // get0() is a reference into the pair
    }
  }

  // ---- shape

  public Tensor reshape(long... dims) {
    return wrap(raw().reshape(dims));
  }

  public Tensor reshape(Shape shape) {
    return reshape(shape.getShape());
  }

  /** The axes permuted (all axes given), or reversed when none are given. */
  public Tensor transpose(int... axes) {
    long[] order = new long[axes.length == 0 ? (int) raw().dim() : axes.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = axes.length == 0 ? order.length - 1 - i : axes[i];
    }
    return wrap(raw().permute(order));
  }

  /** Every axis of size 1 removed. */
  public Tensor squeeze() {
    return wrap(raw().squeeze());
  }

  public Tensor squeeze(int axis) {
    return wrap(raw().squeeze(axis));
  }

  public Tensor expandDims(int axis) {
    return wrap(raw().unsqueeze(axis));
  }

  /** {@code sections} equal parts along {@code axis}. */
  public List<Tensor> split(long sections, int axis) {
    try (TensorVector parts = raw().chunk(sections, axis)) {
      List<Tensor> out = new ArrayList<>((int) parts.size());
      for (long i = 0; i < parts.size(); i++) {
        out.add(wrap(new org.bytedeco.pytorch.Tensor(parts.get(i)))); // get(i) is a reference into the vector
      }
      return out;
    }
  }

  public Tensor concat(Tensor o, int axis) {
    return concat(List.of(this, o), axis);
  }

  public Tensor concat(Tensor o) {
    return concat(o, 0);
  }

  /** The tensors joined along an existing axis, in the first one's arena. */
  public static Tensor concat(List<Tensor> parts, int axis) {
    try (TensorVector v = vector(parts)) {
      return parts.get(0).wrap(torch.cat(v, axis));
    }
  }

  /** The tensors stacked along a new axis, in the first one's arena. */
  public static Tensor stack(List<Tensor> parts, int axis) {
    try (TensorVector v = vector(parts)) {
      return parts.get(0).wrap(torch.stack(v, axis));
    }
  }

  public static Tensor stack(List<Tensor> parts) {
    return stack(parts, 0);
  }

  private static TensorVector vector(List<Tensor> parts) {
    org.bytedeco.pytorch.Tensor[] raws = new org.bytedeco.pytorch.Tensor[parts.size()];
    for (int i = 0; i < raws.length; i++) {
      raws[i] = parts.get(i).raw();
    }
    return new TensorVector(raws);
  }

  // ---- indexing

  /** The sub-tensor at {@code index} (see {@link Index} for the syntax). */
  public Tensor get(Index index) {
    return index.apply(this);
  }

  /** The sub-tensor at {@code spec} with {@code {}} placeholders filled by {@code args}. */
  public Tensor get(String spec, Object... args) {
    return new Index(spec, args).apply(this);
  }

  /** The sub-tensor at these leading indices (each removes its axis). */
  public Tensor get(long... indices) {
    return wrap(element(indices));
  }

  /** The size of axis {@code axis}, without building the whole shape. */
  long length(int axis) {
    return raw().size(axis);
  }

  Tensor narrow(int axis, long start, long length) {
    return wrap(raw().narrow(axis, start, length));
  }

  Tensor select(int axis, long index) {
    return wrap(raw().select(axis, index));
  }

  Tensor indexSelect(int axis, Tensor rows) {
    return wrap(raw().index_select(axis, rows.raw()));
  }

  /** Values picked along {@code axis} at {@code index} (int64, the same rank), as torch.gather. */
  public Tensor gather(Tensor index, int axis) {
    return wrap(raw().gather(axis, index.raw()));
  }

  // ---- creation alike

  public Tensor zerosLike() {
    return wrap(torch.zeros_like(raw()));
  }

  public Tensor onesLike() {
    return wrap(torch.ones_like(raw()));
  }

  /** A float32 copy (or this tensor's values as float32). */
  public Tensor toFloat() {
    return wrap(raw().to(ScalarType.Float));
  }

  /** This tensor in {@code other}'s element type (itself, as a new handle, when they agree). */
  public Tensor typeOf(Tensor other) {
    return wrap(raw().to(other.raw()));
  }

  /** A copy that no gradient flows through. */
  public Tensor detach() {
    return wrap(raw().detach());
  }

  /** A contiguous copy of the values. */
  public Tensor duplicate() {
    return wrap(raw().clone());
  }

  // ---- neural-network operations

  /** Softmax along {@code axis}, computed and returned in float32. */
  public Tensor softmax(int axis) {
    return wrap(raw().softmax(axis, Constants.FLOAT));
  }

  /**
   * Softmax along {@code axis} in this tensor's own type: bf16 scores under autocast stay bf16 for
   * the matrix product that follows (attention), saving two conversions of the score tensor.
   */
  public Tensor softmaxSameType(int axis) {
    return wrap(raw().softmax(axis));
  }

  /** Log-softmax along {@code axis}, computed and returned in float32. */
  public Tensor logSoftmax(int axis) {
    return wrap(raw().log_softmax(axis, Constants.FLOAT));
  }

  public Tensor matMul(Tensor o) {
    return wrap(raw().matmul(o.raw()));
  }

  public Tensor batchMatMul(Tensor o) {
    return wrap(raw().bmm(o.raw()));
  }

  /** x·Wᵀ + b for weight (out, in) and bias (out) or null. */
  public Tensor linear(Tensor weight, Tensor bias) {
    if (bias == null) {
      return wrap(torch.linear(raw(), weight.raw()));
    }
    try (TensorOptional b = new TensorOptional(bias.raw())) {
      return wrap(torch.linear(raw(), weight.raw(), b));
    }
  }

  /** LayerNorm over the last axis with gain and bias. */
  public Tensor layerNorm(Tensor gain, Tensor bias, double eps) {
    try (TensorOptional g = new TensorOptional(gain.raw());
        TensorOptional b = new TensorOptional(bias.raw())) {
      return wrap(torch.layer_norm(raw(), new long[] {raw().size(-1)}, g, b, eps, false));
    }
  }

  /** Rows of {@code table} at these int64 ids: shape (…, table columns). */
  public Tensor embedding(Tensor table) {
    return wrap(torch.embedding(table.raw(), raw()));
  }

  /** Exact (erf) GELU. */
  public Tensor gelu() {
    return wrap(torch.gelu(raw()));
  }

  /** Inverted dropout at {@code rate}, training mode. */
  public Tensor dropout(double rate) {
    return wrap(torch.dropout(raw(), rate, true));
  }

  // ---- reading back

  /** The values as float32 in row-major order. */
  public float[] toFloatArray() {
    try (org.bytedeco.pytorch.Tensor f = host(ScalarType.Float);
        org.bytedeco.pytorch.Tensor c = f.contiguous(); FloatPointer p = c.data_ptr_float()) {
      float[] out = new float[(int) c.numel()];
      p.get(out);
      return out;
    }
  }

  /** The values as int64 in row-major order. */
  public long[] toLongArray() {
    try (org.bytedeco.pytorch.Tensor l = host(ScalarType.Long);
        org.bytedeco.pytorch.Tensor c = l.contiguous(); LongPointer p = c.data_ptr_long()) {
      long[] out = new long[(int) c.numel()];
      p.get(out);
      return out;
    }
  }

  /** This tensor as {@code type} in host memory (copied from the GPU when it lives there). */
  private org.bytedeco.pytorch.Tensor host(ScalarType type) {
    if (!raw().is_cuda()) {
      return raw().to(type);
    }
    try (org.bytedeco.pytorch.Device cpu = new org.bytedeco.pytorch.Device(
        org.bytedeco.pytorch.global.torch.DeviceType.CPU)) {
      return raw().to(cpu, type);
    }
  }

  /** The values as int in row-major order. */
  public int[] toIntArray() {
    long[] wide = toLongArray();
    int[] out = new int[wide.length];
    for (int i = 0; i < wide.length; i++) {
      out[i] = Math.toIntExact(wide[i]);
    }
    return out;
  }

  /** The element at {@code indices} (none for a scalar) as a float. */
  public float getFloat(long... indices) {
    try (org.bytedeco.pytorch.Tensor e = element(indices)) {
      return (float) e.item_double();
    }
  }

  public long getLong(long... indices) {
    try (org.bytedeco.pytorch.Tensor e = element(indices)) {
      return e.item_long();
    }
  }

  public int getInt(long... indices) {
    return Math.toIntExact(getLong(indices));
  }

  private org.bytedeco.pytorch.Tensor element(long... indices) {
    org.bytedeco.pytorch.Tensor r = raw().alias();
    for (long i : indices) {
      org.bytedeco.pytorch.Tensor next = r.select(0, i);
      r.close();
      r = next;
    }
    return r;
  }

  @Override
  public String toString() {
    return t == null ? "Tensor(closed)" : "Tensor" + getShape() + " " + dataType();
  }

  /** {@code op} applied with {@code v} as a libtorch scalar, freed once {@code op} returns. */
  private Tensor withScalar(Number v, Function<Scalar, org.bytedeco.pytorch.Tensor> op) {
    try (Scalar s = scalar(v)) {
      return wrap(op.apply(s));
    }
  }

  /** {@code op} (in place) applied with {@code v} as a libtorch scalar, freed once it returns. */
  private void withScalarInPlace(Number v, Consumer<Scalar> op) {
    try (Scalar s = scalar(v)) {
      op.accept(s);
    }
  }

  private static Scalar scalar(Number v) {
    return v instanceof Integer || v instanceof Long ? new Scalar(v.longValue()) : new Scalar(v.doubleValue());
  }

  private static long[] longs(int[] axes) {
    long[] out = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = axes[i];
    }
    return out;
  }
}
