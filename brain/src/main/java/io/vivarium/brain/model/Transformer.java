package io.vivarium.brain.model;

import io.vivarium.brain.tensor.Tensor;
import java.util.List;
import io.vivarium.brain.tensor.Index;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainShape;
import io.vivarium.core.Channel;

/**
 * The brain's forward pass: token (or grouped tokens' projected) + channel + position embeddings (and patch embeddings with
 * learned 2-D positions), pre-LayerNorm blocks of masked multi-head attention and a GELU MLP,
 * a final LayerNorm, and the three heads (next-byte logits tied to the token embedding, value,
 * patch decoder).
 *
 * <p>Every operation is invoked on an array of the step's arena (never on a parameter), so
 * all intermediate arrays land in the step's arena and die with it; constants are arrays of
 * the step's arena too (see {@link #scalar}). Stateless and
 * thread-safe; callers hold the weights steady.
 */
public final class Transformer {
  private static final float EPS = 1e-5f;

  private Transformer() {}

  /** The final hidden state after the last block and the final LayerNorm: (B, S, C). */
  public static Tensor hidden(Weights w, Batch batch, boolean training) {
    BrainShape s = w.shape();
    double drop = training ? s.dropout() : 0;
    Tensor x = dropout(embed(w, batch), drop); // (B, S, C)
    for (int i = 0; i < s.layers(); i++) {
      x = block(w, "h" + i + ".", x, batch.mask(), drop, null);
    }
    return layerNorm(x, w.get("lnf.g"), w.get("lnf.b"));
  }

  /**
   * {@link #hidden} for inference that also keeps every layer's keys and values, for a
   * {@link KvCache}: {@code kv[2i]} and {@code kv[2i + 1]} become layer i's keys and values
   * (B·H, S, D), still in the batch's arena. Returns the final hidden state (B, S, C).
   */
  static Tensor prefill(Weights w, Batch batch, Tensor[] kv) {
    Tensor x = embed(w, batch); // (B, S, C)
    for (int i = 0; i < w.shape().layers(); i++) {
      Tensor[] layer = new Tensor[2];
      x = block(w, "h" + i + ".", x, batch.mask(), 0, layer);
      kv[2 * i] = layer[0];
      kv[2 * i + 1] = layer[1];
    }
    return layerNorm(x, w.get("lnf.g"), w.get("lnf.b"));
  }

  /**
   * One new position per row on top of cached keys and values: {@code tokens}, {@code channels}
   * and {@code positions} are (B, 1) int64; {@code mask} (B, 1, 1, W + 1) hides each row's
   * padding, or is null. Each {@code kv[j]} (B·H, W, D) is replaced by its extension
   * (B·H, W + 1, D) in the same arena, and the old array closed. Returns the final hidden
   * state of the new positions (B, C); equals {@link #last} on the whole sequences.
   */
  static Tensor decode(Weights w, Tensor tokens, Tensor channels, Tensor positions,
      Tensor mask, Tensor[] kv) {
    BrainShape s = w.shape();
    oneTokenPerPosition(s);
    long bs = tokens.getShape().get(0);
    long d = s.headDim();
    Tensor x = lookup(tokens, w.get("tok")).add(lookup(channels, w.get("chan")))
        .add(lookup(positions, w.get("pos"))); // (B, 1, C)
    for (int i = 0; i < s.layers(); i++) {
      String h = "h" + i + ".";
      List<Tensor> qkv = linear(layerNorm(x, w.get(h + "ln1.g"), w.get(h + "ln1.b")),
          w.get(h + "attn.w"), w.get(h + "attn.b")) // (B, 1, 3A)
          .reshape(bs, 3, s.heads(), d)
          .transpose(1, 0, 2, 3)
          .reshape(3, bs * s.heads(), 1, d) // (3, B·H, 1, D)
          .split(3, 0);
      Tensor q = qkv.get(0).squeeze(0).mul(scalar(x, (float) (1 / Math.sqrt(d)))); // (B·H, 1, D)
      Tensor k = extend(kv, 2 * i, qkv.get(1).squeeze(0)); // (B·H, W + 1, D)
      Tensor v = extend(kv, 2 * i + 1, qkv.get(2).squeeze(0));
      Tensor y = attend(q, k, v, mask, bs, s.heads(), 0); // (B, 1, C)
      x = x.add(linear(y, w.get(h + "proj.w"), w.get(h + "proj.b")));
      x = mlp(w, h, x, 0);
    }
    return layerNorm(x, w.get("lnf.g"), w.get("lnf.b")).squeeze(1);
  }

  /**
   * Refuses a brain that reads several tokens per position ({@link BrainShape#group}) for work
   * that adds tokens one at a time: generating, scoring or learning byte sequences, language models.
   */
  public static void oneTokenPerPosition(BrainShape s) {
    if (s.group() > 1) {
      throw new IllegalArgumentException("a brain reading " + s.group() + " tokens per position (brain.group) "
          + "reads whole observations only and cannot generate, score or learn byte sequences; use brain.group=1");
    }
  }

  /** Appends {@code fresh} (B·H, 1, D) to {@code kv[j]} in kv[j]'s arena; closes the old. */
  private static Tensor extend(Tensor[] kv, int j, Tensor fresh) {
    Tensor old = kv[j];
    Tensor grown = old.concat(fresh, 1);
    grown.attach(old.arena());
    old.close();
    kv[j] = grown;
    return grown;
  }

  /**
   * The final hidden state at each row's last real position: (B, C). Equals {@link #hidden}
   * at those positions, but the last block runs its query, attention, projection and MLP for
   * them only — what policies and samplers need, for (L − 1 + ~¼) / L of the work.
   */
  public static Tensor last(Weights w, Batch batch, boolean training) {
    BrainShape s = w.shape();
    double drop = training ? s.dropout() : 0;
    Tensor x = dropout(embed(w, batch), drop); // (B, S, C)
    for (int i = 0; i < s.layers() - 1; i++) {
      x = block(w, "h" + i + ".", x, batch.mask(), drop, null);
    }
    x = lastBlock(w, "h" + (s.layers() - 1) + ".", x, batch, drop); // (B, 1, C)
    return layerNorm(x, w.get("lnf.g"), w.get("lnf.b")).squeeze(1);
  }

  /** Next-token logits from a hidden state: (B, S, C) → (B, S, V). */
  public static Tensor logits(Weights w, Tensor hidden) {
    return linear(hidden, w.get("tok"), null);
  }

  /** Values from a hidden state: (B, S, C) → (B, S). */
  public static Tensor values(Weights w, Tensor hidden) {
    return linear(hidden, w.get("value.w"), w.get("value.b")).squeeze(-1);
  }

  /** Decoded patches from a hidden state: (B, S, C) → (B, S, P×P×3). */
  public static Tensor patches(Weights w, Tensor hidden) {
    return linear(hidden, w.get("unpatch.w"), w.get("unpatch.b"));
  }

  /**
   * Mean cross-entropy of {@code logits} (B, T, V) against {@code targets} (B, T) int64,
   * weighted per position by {@code weight} (B, T) (1 = counts, 0 = ignored), or unweighted
   * when {@code weight} is null.
   */
  public static Tensor crossEntropy(Tensor logits, Tensor targets, Tensor weight) {
    Tensor picked = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1);
    if (weight == null) {
      return picked.mean().neg();
    }
    return picked.mul(weight).sum().div(weight.sum().maximum(scalar(weight, 1f))).neg();
  }

  /**
   * A float32 scalar in the step's arena (the arena of {@code like}); lives until it closes.
   * (The Number overloads are safe too on libtorch; this form dates from DJL, whose Number
   * overloads freed the value before the backward pass read it.)
   */
  static Tensor scalar(Tensor like, float value) {
    return like.arena().create(value);
  }

  private static Tensor embed(Weights w, Batch b) {
    Tensor tok = lookup(b.tokens(), w.get("tok")); // (B, T, C), or (B, T, G, C) for groups
    if (w.shape().group() > 1) { // a group's G embeddings side by side, projected to one position
      Shape s = tok.getShape();
      tok = linear(tok.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)), w.get("group.w"), null);
    }
    Tensor x = tok.add(lookup(b.channels(), w.get("chan"))).add(lookup(b.positions(), w.get("pos")));
    if (b.patchCount() == 0) {
      return x;
    }
    Tensor video = b.rows().zerosLike().add(Channel.VIDEO.ordinal()); // (B, N)
    Tensor p = linear(b.patches(), w.get("patch.w"), w.get("patch.b")) // (B, N, C)
        .add(lookup(b.rows(), w.get("patch.row")))
        .add(lookup(b.cols(), w.get("patch.col")))
        .add(lookup(video, w.get("chan")));
    return p.concat(x, 1); // (B, S, C)
  }

  /** One block; when {@code kv} is not null its two slots receive the keys and values. */
  static Tensor block(Weights w, String h, Tensor x, Tensor mask, double drop,
      Tensor[] kv) {
    long bs = x.getShape().get(0);
    long s = x.getShape().get(1);
    int heads = w.shape().heads();
    long d = w.shape().headDim();
    Tensor a = layerNorm(x, w.get(h + "ln1.g"), w.get(h + "ln1.b"));
    // 3-D batched matrix products (bmm) are several times faster than 4-D matmul here; split
    // (not select) keeps the backward pass to one concatenation instead of three zero-filled
    // copies of the whole (3, B·H, S, D) tensor
    List<Tensor> qkv = linear(a, w.get(h + "attn.w"), w.get(h + "attn.b")) // (B, S, 3A), A = H·D
        .reshape(bs, s, 3, heads, d)
        .transpose(2, 0, 3, 1, 4)
        .reshape(3, bs * heads, s, d) // (3, B·H, S, D)
        .split(3, 0);
    Tensor q = qkv.get(0).squeeze(0).mul(scalar(x, (float) (1 / Math.sqrt(d)))); // (B·H, S, D)
    Tensor k = qkv.get(1).squeeze(0);
    Tensor v = qkv.get(2).squeeze(0);
    if (kv != null) {
      kv[0] = k;
      kv[1] = v;
    }
    Tensor y = attend(q, k, v, mask, bs, heads, drop); // (B, S, A)
    x = x.add(dropout(linear(y, w.get(h + "proj.w"), w.get(h + "proj.b")), drop));
    return mlp(w, h, x, drop);
  }

  /**
   * The last block for the last position of each row only: keys and values come from every
   * position, the query, projection and MLP from the last one. {@code x} is (B, S, C); returns
   * (B, 1, C), equal to the full block's output at those positions.
   */
  private static Tensor lastBlock(Weights w, String h, Tensor x, Batch batch, double drop) {
    long bs = x.getShape().get(0);
    long s = x.getShape().get(1);
    int heads = w.shape().heads();
    long d = w.shape().headDim();
    long a = w.shape().attention();
    Tensor qkvAll = linear(layerNorm(x, w.get(h + "ln1.g"), w.get(h + "ln1.b")),
        w.get(h + "attn.w"), w.get(h + "attn.b")); // (B, S, 3A)
    List<Tensor> kv = qkvAll.get(new Index(":, :, {}:", a))
        .reshape(bs, s, 2, heads, d)
        .transpose(2, 0, 3, 1, 4)
        .reshape(2, bs * heads, s, d) // (2, B·H, S, D)
        .split(2, 0);
    Tensor q = atLast(qkvAll, batch).get(new Index(":, :, :{}", a)) // (B, 1, A)
        .reshape(bs, 1, heads, d)
        .transpose(0, 2, 1, 3)
        .reshape(bs * heads, 1, d)
        .mul(scalar(x, (float) (1 / Math.sqrt(d)))); // (B·H, 1, D)
    Tensor y = attend(q, kv.get(0).squeeze(0), kv.get(1).squeeze(0), lastMask(batch, s),
        bs, heads, drop); // (B, 1, C)
    Tensor last = atLast(x, batch).add(dropout(linear(y, w.get(h + "proj.w"), w.get(h + "proj.b")), drop));
    return mlp(w, h, last, drop);
  }

  /** softmax(q·kᵀ + mask)·v for q (B·H, Q, D), k and v (B·H, S, D); returns (B, Q, H·D = A). */
  static Tensor attend(Tensor q, Tensor k, Tensor v, Tensor mask, long bs, int heads,
      double drop) {
    long rows = q.getShape().get(1);
    long s = k.getShape().get(1);
    long d = q.getShape().get(2);
    Tensor att = q.batchMatMul(k.transpose(0, 2, 1)); // (B·H, Q, S)
    if (mask != null) {
      att = att.reshape(bs, heads, rows, s).add(mask.typeOf(att)); // (B, H, Q, S), bf16 under autocast
    }
    att = dropout(att.softmaxSameType(-1), drop).reshape(bs * heads, rows, s);
    return att.batchMatMul(v) // (B·H, Q, D)
        .reshape(bs, heads, rows, d)
        .transpose(0, 2, 1, 3)
        .reshape(bs, rows, heads * d); // (B, Q, C)
  }

  /** The feed-forward half of a block: x + Drop(W2 · GELU(W1 · LN2(x))). */
  static Tensor mlp(Weights w, String h, Tensor x, double drop) {
    Tensor m = layerNorm(x, w.get(h + "ln2.g"), w.get(h + "ln2.b"));
    Tensor f = linear(m, w.get(h + "fc.w"), w.get(h + "fc.b")); // (B, S, F), F = mlp (4C by default)
    f = f.gelu();
    return x.add(dropout(linear(f, w.get(h + "out.w"), w.get(h + "out.b")), drop));
  }

  /** {@code t} (B, S, W) at each row's last real position: (B, 1, W). */
  private static Tensor atLast(Tensor t, Batch b) {
    long s = t.getShape().get(1);
    long width = t.getShape().get(2);
    if (b.unpadded()) {
      return t.get(new Index(":, {}:, :", s - 1));
    }
    long[] index = new long[Math.toIntExact(b.size() * width)];
    for (int i = 0; i < b.size(); i++) {
      java.util.Arrays.fill(index, Math.toIntExact(i * width), Math.toIntExact((i + 1) * width),
          b.patchCount() + b.lengths()[i] - 1L);
    }
    return t.gather(t.arena().create(index, new Shape(b.size(), 1, width)), 1);
  }

  /** (B, 1, 1, S) additive mask hiding each row's padding from its last position, or null. */
  private static Tensor lastMask(Batch b, long s) {
    if (b.unpadded()) {
      return null;
    }
    float[] mask = new float[Math.toIntExact(b.size() * s)];
    for (int i = 0; i < b.size(); i++) {
      for (int j = b.patchCount() + b.lengths()[i]; j < s; j++) {
        mask[Math.toIntExact(i * s + j)] = Float.NEGATIVE_INFINITY;
      }
    }
    return b.tokens().arena().create(mask, new Shape(b.size(), 1, 1, s));
  }

  static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
    return x.linear(weight, bias);
  }

  static Tensor layerNorm(Tensor x, Tensor gain, Tensor bias) {
    return x.layerNorm(gain, bias, EPS);
  }

  static Tensor lookup(Tensor ids, Tensor table) {
    return ids.embedding(table);
  }

  static Tensor dropout(Tensor x, double rate) {
    if (rate <= 0) {
      return x;
    }
    return x.dropout(rate);
  }
}
