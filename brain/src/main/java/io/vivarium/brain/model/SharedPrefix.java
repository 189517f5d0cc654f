package io.vivarium.brain.model;

import io.vivarium.brain.tensor.Tensor;
import java.util.List;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Index;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.core.Vocabulary;
import java.util.List;

/**
 * The training forward pass of many continuations of few prefixes (GRPO's groups: G programs
 * written from one context): each distinct prefix runs through the blocks once, and each
 * continuation attends to its prefix's keys and values plus its own earlier tokens. Equal to
 * running every prefix-plus-continuation row whole ({@link Transformer#hidden}), for about
 * 1/G of the prefix work; gradients flow through both parts.
 *
 * <p>Prefixes must be patch-free, all of one length, and every row must fit the block (callers
 * fall back to whole rows otherwise, see {@link #fits}). Stateless and thread-safe; callers hold
 * the weights steady.
 */
public final class SharedPrefix {
  private SharedPrefix() {}

  /**
   * Whether {@code prefixes} (one per distinct prefix) with continuations of up to
   * {@code longest} tokens can take this path under {@code shape}.
   */
  public static boolean fits(BrainShape shape, List<BrainInput> prefixes, int longest) {
    int p = prefixes.get(0).tokens().length;
    for (BrainInput in : prefixes) {
      if (in.patches().count() != 0 || in.tokens().length != p || in.prefix() != p) {
        return false;
      }
    }
    return p + longest <= shape.block();
  }

  /**
   * The final hidden states that predict each continuation's tokens: row {@code i} continues
   * prefix {@code groupOf[i]} with {@code tokens[i]} on {@code channel}; position j of the result
   * is the state after the prefix (j = 0) or after token j − 1, so it predicts token j.
   *
   * @return (B, T, C) with T the longest continuation; positions past a row's length are padding
   */
  public static Tensor predictors(Weights w, Arena m, List<BrainInput> prefixes, int[] groupOf,
      int[][] tokens, int channel, boolean training) {
    BrainShape s = w.shape();
    Transformer.oneTokenPerPosition(s);
    double drop = training ? s.dropout() : 0;
    int b = tokens.length;
    int t = 1;
    for (int[] row : tokens) {
      t = Math.max(t, row.length);
    }
    int p = prefixes.get(0).tokens().length;
    Batch pb = Batch.of(m, s, prefixes); // all prefix: attends everywhere, no mask
    Tensor xp = Transformer.dropout(embedPrefix(w, pb), drop); // (U, P, C)
    Tensor xc = Transformer.dropout(embedContinuations(w, m, tokens, channel, p, t), drop); // (B, T, C)
    Tensor rowsOf = m.create(headRows(groupOf, s.heads())); // (B·H) rows of the prefix's U·H
    Tensor mask = causal(m, p, t); // (1, 1, T, P + T)
    for (int i = 0; i < s.layers(); i++) {
      String h = "h" + i + ".";
      Tensor[] kv = new Tensor[2];
      Tensor next = Transformer.block(w, h, xp, pb.mask(), drop, kv);
      xc = continuationBlock(w, h, xc, kv[0].get(new Index("{}", rowsOf)), kv[1].get(new Index("{}", rowsOf)),
          mask, drop);
      xp = next;
    }
    Tensor lastOfPrefix = xp.get(new Index(":, {}:, :", p - 1)) // (U, 1, C)
        .get(new Index("{}", m.create(toLong(groupOf)))); // (B, 1, C)
    Tensor before = t > 1 ? lastOfPrefix.concat(xc.get(new Index(":, :{}, :", t - 1)), 1) : lastOfPrefix;
    return Transformer.layerNorm(before, w.get("lnf.g"), w.get("lnf.b")); // (B, T, C)
  }

  private static Tensor embedPrefix(Weights w, Batch b) {
    return Transformer.lookup(b.tokens(), w.get("tok")).add(Transformer.lookup(b.channels(), w.get("chan")))
        .add(Transformer.lookup(b.positions(), w.get("pos")));
  }

  /** Continuation tokens (PAD after each row's end) at positions P.., on {@code channel}. */
  private static Tensor embedContinuations(Weights w, Arena m, int[][] tokens, int channel, int p, int t) {
    long[] ids = new long[tokens.length * t];
    java.util.Arrays.fill(ids, Vocabulary.PAD);
    for (int i = 0; i < tokens.length; i++) {
      for (int j = 0; j < tokens[i].length; j++) {
        ids[i * t + j] = tokens[i][j];
      }
    }
    long[] pos = new long[t];
    for (int j = 0; j < t; j++) {
      pos[j] = p + j;
    }
    Tensor tok = m.create(ids, new Shape(tokens.length, t));
    Tensor chan = tok.zerosLike().add(m.create((long) channel));
    return Transformer.lookup(tok, w.get("tok")).add(Transformer.lookup(chan, w.get("chan")))
        .add(Transformer.lookup(m.create(pos), w.get("pos")));
  }

  /** One block for continuations whose keys and values are the prefix's {@code kp}, {@code vp} (B·H, P, D) plus their own. */
  private static Tensor continuationBlock(Weights w, String h, Tensor x, Tensor kp, Tensor vp, Tensor mask,
      double drop) {
    long bs = x.getShape().get(0);
    long t = x.getShape().get(1);
    int heads = w.shape().heads();
    long d = w.shape().headDim();
    Tensor a = Transformer.layerNorm(x, w.get(h + "ln1.g"), w.get(h + "ln1.b"));
    List<Tensor> qkv = Transformer.linear(a, w.get(h + "attn.w"), w.get(h + "attn.b")) // (B, T, 3A)
        .reshape(bs, t, 3, heads, d)
        .transpose(2, 0, 3, 1, 4)
        .reshape(3, bs * heads, t, d)
        .split(3, 0);
    Tensor q = qkv.get(0).squeeze(0).mul(Transformer.scalar(x, (float) (1 / Math.sqrt(d))));
    Tensor k = kp.concat(qkv.get(1).squeeze(0), 1); // (B·H, P + T, D)
    Tensor v = vp.concat(qkv.get(2).squeeze(0), 1);
    Tensor y = Transformer.attend(q, k, v, mask, bs, heads, drop); // (B, T, A)
    x = x.add(Transformer.dropout(Transformer.linear(y, w.get(h + "proj.w"), w.get(h + "proj.b")), drop));
    return Transformer.mlp(w, h, x, drop);
  }

  /** (1, 1, T, P + T): every prefix position visible, own positions causally. */
  private static Tensor causal(Arena m, int p, int t) {
    float[] mask = new float[t * (p + t)];
    for (int j = 0; j < t; j++) {
      for (int k = p + j + 1; k < p + t; k++) {
        mask[j * (p + t) + k] = Float.NEGATIVE_INFINITY;
      }
    }
    return m.create(mask, new Shape(1, 1, t, p + t));
  }

  /**
   * Fills {@code distinct} with the different inputs of {@code inputs} (equal patch-free ones
   * count once); returns each input's index among them.
   */
  public static int[] distinct(List<BrainInput> inputs, List<BrainInput> distinct) {
    int[] of = new int[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      BrainInput in = inputs.get(i);
      int u = distinct.size() - 1; // equal inputs are usually adjacent
      if (u < 0 || !same(distinct.get(u), in)) {
        u = -1;
        for (int k = 0; k < distinct.size() && u < 0; k++) {
          u = same(distinct.get(k), in) ? k : -1;
        }
      }
      if (u < 0) {
        u = distinct.size();
        distinct.add(in);
      }
      of[i] = u;
    }
    return of;
  }

  private static boolean same(BrainInput a, BrainInput b) {
    return a == b || a.patches().count() == 0 && b.patches().count() == 0 && a.prefix() == b.prefix()
        && java.util.Arrays.equals(a.tokens(), b.tokens()) && java.util.Arrays.equals(a.channels(), b.channels());
  }

  /** For each row and head, the row of its distinct input's (U·H) keys and values. */
  static long[] headRows(int[] groupOf, int heads) {
    long[] rows = new long[groupOf.length * heads];
    for (int i = 0; i < groupOf.length; i++) {
      for (int h = 0; h < heads; h++) {
        rows[i * heads + h] = (long) groupOf[i] * heads + h;
      }
    }
    return rows;
  }

  private static long[] toLong(int[] a) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }
}
