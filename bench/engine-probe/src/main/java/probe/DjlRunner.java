package probe;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * The same update with DJL's NDArray ops, as the brain module writes it (NDArrayEx linear,
 * layerNorm, embedding, gelu; batchMatMul attention; the fused adamUpdate), fp32 only. Grad mode
 * is set per thread with JniUtils and backward called directly, not through DJL's process-wide
 * GradientCollector. Not thread-safe: build and step it on one thread.
 */
final class DjlRunner implements Runner {

  private final Spec s;
  private final NDManager base;
  private final List<NDArray> params = new ArrayList<>();
  private final List<NDArray> first = new ArrayList<>();
  private final List<NDArray> second = new ArrayList<>();
  private final NDArray mask;
  private int t;

  DjlRunner(Spec s, int threads) {
    this.s = s;
    base = NDManager.newBaseManager(Device.cpu(), "PyTorch"); // loads the engine first
    JniUtils.setNumThreads(threads);
    base.getEngine().setRandomSeed(0);
    int d = s.dim();
    w(s.vocab(), d);
    w(s.tokens(), d);
    for (int i = 0; i < s.layers(); i++) {
      one(d); zero(d); w(3 * d, d); zero(3 * d); w(d, d); zero(d);
      one(d); zero(d); w(4 * d, d); zero(4 * d); w(d, 4 * d); zero(d);
    }
    one(d); zero(d);
    if (s.work().equals("ppo")) {
      w(1, d); zero(1);
    }
    for (NDArray p : params) {
      first.add(base.zeros(p.getShape()));
      second.add(base.zeros(p.getShape()));
    }
    int n = s.tokens();
    float[] m = new float[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = r + 1; c < n; c++) {
        m[r * n + c] = -1e9f;
      }
    }
    mask = base.create(m, new Shape(n, n));
  }

  private void keep(NDArray a) {
    a.setRequiresGradient(true);
    params.add(a);
  }

  private void w(long rows, long cols) {
    keep(base.randomNormal(0f, 0.02f, new Shape(rows, cols), DataType.FLOAT32));
  }

  private void zero(long n) {
    keep(base.zeros(new Shape(n)));
  }

  private void one(long n) {
    keep(base.ones(new Shape(n)));
  }

  @Override
  public float step() {
    try (NDManager m = base.newSubManager()) {
      JniUtils.setGradMode(true);
      NDArray loss;
      try {
        loss = s.work().equals("ppo") ? ppoLoss(m) : lmLoss(m);
        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
      } finally {
        JniUtils.setGradMode(false);
      }
      adamW(m, 3e-4, 0.5);
      return loss.getFloat();
    }
  }

  private NDArray ppoLoss(NDManager m) {
    long b = s.batch();
    NDArray ids = m.randomInteger(0, Math.min(256, s.vocab()), new Shape(b, s.tokens()),
        DataType.INT64);
    NDArray actions = m.randomInteger(0, 3, new Shape(b, 1), DataType.INT64);
    NDArray adv = m.randomNormal(new Shape(b));
    NDArray ret = m.randomNormal(new Shape(b));
    NDArray last = hidden(m, ids).get(":, " + (s.tokens() - 1)); // (B, D)
    NDArray logpAll = last.matMul(local(m, params.get(0).transpose())).logSoftmax(-1);
    NDArray logp = logpAll.gather(actions, 1).reshape(b);
    NDArray ratio = logp.add(c(m, 1.1f)).exp();
    NDArray pg = ratio.mul(adv).minimum(ratio.clip(0.8f, 1.2f).mul(adv)).mean().neg();
    int n = params.size();
    NDArray values = linear(last, n - 2).reshape(b);
    NDArray vl = values.sub(ret).square().mean().mul(c(m, 0.5f));
    NDArray ent = logpAll.exp().mul(logpAll).sum(new int[] {-1}).mean().neg();
    return pg.add(vl.mul(c(m, 0.5f))).sub(ent.mul(c(m, 0.01f)));
  }

  private NDArray lmLoss(NDManager m) {
    long b = s.batch();
    long t = s.tokens();
    NDArray ids = m.randomInteger(0, s.vocab(), new Shape(b, t), DataType.INT64);
    NDArray targets = m.randomInteger(0, s.vocab(), new Shape(b * t, 1), DataType.INT64);
    NDArray logits = hidden(m, ids).reshape(b * t, s.dim())
        .matMul(local(m, params.get(0).transpose()));
    return logits.logSoftmax(-1).gather(targets, 1).mean().neg();
  }

  /**
   * A constant for the autograd graph as an array of the step's manager: DJL's mul(Number)
   * and add(Number) free the number's buffer right after the call while autograd still holds
   * it, which turns losses NaN after a garbage collection (see docs/brain.md).
   */
  private static NDArray c(NDManager m, float v) {
    return m.create(v);
  }

  private static NDArray local(NDManager m, NDArray a) {
    a.attach(m);
    return a;
  }

  private NDArray norm(NDArray x, int at) {
    return x.getNDArrayInternal().layerNorm(x, new Shape(s.dim()), params.get(at),
        params.get(at + 1), 1e-5f).singletonOrThrow();
  }

  private NDArray linear(NDArray x, int at) {
    return x.getNDArrayInternal().linear(x, params.get(at), params.get(at + 1)).singletonOrThrow();
  }

  private NDArray hidden(NDManager m, NDArray ids) {
    long b = s.batch();
    long t = s.tokens();
    int d = s.dim();
    int h = s.heads();
    NDArray x = ids.getNDArrayInternal().embedding(ids, params.get(0), SparseFormat.DENSE)
        .singletonOrThrow().add(params.get(1));
    for (int i = 0; i < s.layers(); i++) {
      int at = 2 + 12 * i;
      NDArray qkv = linear(norm(x, at), at + 2).reshape(b, t, 3, h, d / h)
          .transpose(2, 0, 3, 1, 4).reshape(3, b * h, t, d / h);
      NDArray q = qkv.get(0);
      NDArray k = qkv.get(1);
      NDArray v = qkv.get(2);
      NDArray att = q.batchMatMul(k.transpose(0, 2, 1)).mul(c(m, (float) (1.0 / Math.sqrt(d / h))));
      if (s.causal()) {
        att = att.add(mask);
      }
      NDArray y = att.softmax(-1).batchMatMul(v).reshape(b, h, t, d / h).transpose(0, 2, 1, 3)
          .reshape(b, t, d);
      x = x.add(linear(y, at + 4));
      NDArray f = linear(norm(x, at + 6), at + 8);
      x = x.add(linear(f.getNDArrayInternal().gelu(), at + 10));
    }
    return norm(x, 2 + 12 * s.layers());
  }

  /** Global-norm clip and AdamW with the fused per-parameter update the brain uses. */
  private void adamW(NDManager m, double lr, double clip) {
    t++;
    List<NDArray> grads = new ArrayList<>(params.size());
    NDList norms = new NDList();
    for (NDArray p : params) {
      NDArray g = local(m, p.getGradient());
      grads.add(g);
      norms.add(g.norm());
    }
    float norm = (float) Math.sqrt(NDArrays.stack(norms).square().sum().getFloat());
    float scale = norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;
    double b1 = 0.9;
    double b2 = 0.999;
    double root2 = Math.sqrt(1 - Math.pow(b2, t));
    float c = (float) (lr * root2 / (1 - Math.pow(b1, t)));
    float e = (float) (1e-8 * root2);
    for (int i = 0; i < params.size(); i++) {
      NDArray p = params.get(i);
      float wd = p.getShape().dimension() >= 2 ? 0.01f : 0f;
      grads.get(i).getNDArrayInternal().adamUpdate(
          new NDList(p, grads.get(i), first.get(i), second.get(i)), new NDList(p), (float) lr, c,
          wd, scale, -1f, (float) b1, (float) b2, e, false, true);
    }
  }

  /** Whether DJL can make and multiply a bf16 array (run in a child JVM: it may abort it). */
  static String bf16Check() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      // -Dprobe.djl.bf16=zeros makes the array directly, otherwise an fp32 array is cast
      NDArray a = System.getProperty("probe.djl.bf16", "cast").equals("zeros")
          ? m.zeros(new Shape(4, 8), DataType.BFLOAT16)
          : m.ones(new Shape(4, 8)).toType(DataType.BFLOAT16, false);
      NDArray y = a.matMul(a.transpose());
      return "bf16 matmul ok: " + y.getDataType() + " sum " + y.toType(DataType.FLOAT32, false)
          .sum().getFloat();
    }
  }

  @Override
  public void close() {
    base.close();
  }
}
