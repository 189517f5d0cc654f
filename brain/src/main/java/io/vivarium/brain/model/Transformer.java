package io.vivarium.brain.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import io.vivarium.brain.BrainShape;
import io.vivarium.core.Channel;

/**
 * The brain's forward pass: token + channel + position embeddings (and patch embeddings with
 * learned 2-D positions), pre-LayerNorm blocks of masked multi-head attention and a GELU MLP,
 * a final LayerNorm, and the three heads (next-byte logits tied to the token embedding, value,
 * patch decoder).
 *
 * <p>Every operation is invoked on an array of the step's manager (never on a parameter), so
 * all intermediate arrays land in the step's manager and die with it; constants are arrays of
 * the step's manager too (see {@link #scalar}). Stateless and
 * thread-safe; callers hold the weights steady.
 */
public final class Transformer {
  private static final float EPS = 1e-5f;

  private Transformer() {}

  /** The final hidden state after the last block and the final LayerNorm: (B, S, C). */
  public static NDArray hidden(Weights w, Batch batch, boolean training) {
    BrainShape s = w.shape();
    double drop = training ? s.dropout() : 0;
    NDArray x = embed(w, batch); // (B, S, C)
    x = dropout(x, drop);
    for (int i = 0; i < s.layers(); i++) {
      x = block(w, "h" + i + ".", x, batch.mask(), drop);
    }
    return layerNorm(x, w.get("lnf.g"), w.get("lnf.b"));
  }

  /** Next-token logits from a hidden state: (B, S, C) → (B, S, V). */
  public static NDArray logits(Weights w, NDArray hidden) {
    return linear(hidden, w.get("tok"), null);
  }

  /** Values from a hidden state: (B, S, C) → (B, S). */
  public static NDArray values(Weights w, NDArray hidden) {
    return linear(hidden, w.get("value.w"), w.get("value.b")).squeeze(-1);
  }

  /** Decoded patches from a hidden state: (B, S, C) → (B, S, P×P×3). */
  public static NDArray patches(Weights w, NDArray hidden) {
    return linear(hidden, w.get("unpatch.w"), w.get("unpatch.b"));
  }

  /**
   * Mean cross-entropy of {@code logits} (B, T, V) against {@code targets} (B, T) int64,
   * weighted per position by {@code weight} (B, T) (1 = counts, 0 = ignored), or unweighted
   * when {@code weight} is null.
   */
  public static NDArray crossEntropy(NDArray logits, NDArray targets, NDArray weight) {
    NDArray picked = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1);
    if (weight == null) {
      return picked.mean().neg();
    }
    return picked.mul(weight).sum().div(weight.sum().maximum(scalar(weight, 1f))).neg();
  }

  /**
   * A scalar array in the step's manager (the manager of {@code like}). Never use DJL's
   * {@code mul(Number)} and friends where gradients flow: they wrap the number in an array
   * whose Java buffer is freed as soon as the call returns, while autograd keeps reading it
   * in the backward pass — a use-after-free, the likely cause of NaN losses seen in long runs.
   * This array lives until the step's manager closes.
   */
  private static NDArray scalar(NDArray like, float value) {
    return like.getManager().create(value);
  }

  private static NDArray embed(Weights w, Batch b) {
    NDArray tok = lookup(b.tokens(), w.get("tok")); // (B, T, C)
    NDArray x = tok.add(lookup(b.channels(), w.get("chan"))).add(lookup(b.positions(), w.get("pos")));
    if (b.patchCount() == 0) {
      return x;
    }
    NDArray video = b.rows().zerosLike().add(Channel.VIDEO.ordinal()); // (B, N)
    NDArray p = linear(b.patches(), w.get("patch.w"), w.get("patch.b")) // (B, N, C)
        .add(lookup(b.rows(), w.get("patch.row")))
        .add(lookup(b.cols(), w.get("patch.col")))
        .add(lookup(video, w.get("chan")));
    return p.concat(x, 1); // (B, S, C)
  }

  private static NDArray block(Weights w, String h, NDArray x, NDArray mask, double drop) {
    long bs = x.getShape().get(0);
    long s = x.getShape().get(1);
    long c = x.getShape().get(2);
    int heads = w.shape().heads();
    long d = c / heads;
    NDArray a = layerNorm(x, w.get(h + "ln1.g"), w.get(h + "ln1.b"));
    // 3-D batched matrix products (bmm) are several times faster than 4-D matmul here
    NDArray qkv = linear(a, w.get(h + "attn.w"), w.get(h + "attn.b")) // (B, S, 3C)
        .reshape(bs, s, 3, heads, d)
        .transpose(2, 0, 3, 1, 4)
        .reshape(3, bs * heads, s, d); // (3, B·H, S, D)
    NDArray q = qkv.get(0).mul(scalar(x, (float) (1 / Math.sqrt(d)))); // (B·H, S, D)
    NDArray k = qkv.get(1);
    NDArray v = qkv.get(2);
    NDArray att = q.batchMatMul(k.transpose(0, 2, 1)) // (B·H, S, S)
        .reshape(bs, heads, s, s)
        .add(mask)
        .softmax(-1); // (B, H, S, S)
    att = dropout(att, drop).reshape(bs * heads, s, s);
    NDArray y = att.batchMatMul(v) // (B·H, S, D)
        .reshape(bs, heads, s, d)
        .transpose(0, 2, 1, 3)
        .reshape(bs, s, c); // (B, S, C)
    x = x.add(dropout(linear(y, w.get(h + "proj.w"), w.get(h + "proj.b")), drop));
    NDArray m = layerNorm(x, w.get(h + "ln2.g"), w.get(h + "ln2.b"));
    NDArray f = linear(m, w.get(h + "fc.w"), w.get(h + "fc.b")); // (B, S, 4C)
    f = f.getNDArrayInternal().gelu();
    return x.add(dropout(linear(f, w.get(h + "out.w"), w.get(h + "out.b")), drop));
  }

  private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
  }

  private static NDArray layerNorm(NDArray x, NDArray gain, NDArray bias) {
    NDArrayEx ex = x.getNDArrayInternal();
    return ex.layerNorm(x, new Shape(gain.getShape().get(0)), gain, bias, EPS).singletonOrThrow();
  }

  private static NDArray lookup(NDArray ids, NDArray table) {
    return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
  }

  private static NDArray dropout(NDArray x, double rate) {
    if (rate <= 0) {
      return x;
    }
    return x.getNDArrayInternal().dropout(x, (float) rate, true).singletonOrThrow();
  }
}
