package io.vivarium.brain.model;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Index;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import java.util.Arrays;
import java.util.List;

/**
 * An inference-only key/value cache for sampling: the batch's sequences run through the model
 * once ({@link #open}), keeping every layer's keys and values (B·H, S, D); then each call of
 * {@link #next} feeds one new token per row, which attends to the cache plus itself.
 *
 * <p>Rows keep the layout {@link Batch} gave them: right-padded to the longest row, with each
 * row's padding hidden by a per-row mask; new tokens are appended after the padded width W0 for
 * every row, with each row's own position ids. Rows that finish (or leave, see {@link #keep})
 * are dropped from the cache, so the remaining rows do not pay for them.
 *
 * <p>All arrays live in one child arena of the weights' arena, freed by {@link #close}; each
 * step computes in its own child arena of that, and the grown keys and values replace the old
 * ones, so native memory stays bounded by the current cache. Not thread-safe: one generation
 * owns it; the caller holds the weights steady (the brain's read lock).
 */
public final class KvCache implements AutoCloseable {
  private final Weights w;
  private final Arena arena;
  private final Tensor[] kv; // 2 per layer: keys, values, each (B·H, W, D)
  private final int padded; // W0: the padded sequence width of the prefill, patches included
  private int[] real; // per cache row: positions of the padded part that are real (N + tokens)
  private int[] next; // per cache row: the position id of the next token
  private float[][] first; // (B, V + 1) logits and value at each row's last position
  private float[] hidden0; // (S0, C) flattened final hidden state of row 0's real positions

  private KvCache(Weights w, Arena arena, int padded, Batch b, int[] rowOf) {
    this.w = w;
    this.arena = arena;
    this.kv = new Tensor[2 * w.shape().layers()];
    this.padded = padded;
    this.real = new int[rowOf.length];
    this.next = new int[rowOf.length];
    for (int i = 0; i < rowOf.length; i++) {
      real[i] = b.patchCount() + b.lengths()[rowOf[i]];
      next[i] = b.lengths()[rowOf[i]];
    }
  }

  /**
   * Runs {@code inputs} (each within the brain's block) through the model once and keeps their
   * keys and values; {@link #first} then holds the logits and value at each row's last
   * position, exactly as {@link Transformer#hidden} gives them. Identical patch-free inputs (a
   * GRPO group's shared context) run once and their keys and values are copied to each row.
   */
  public static KvCache open(Weights w, List<BrainInput> inputs) {
    Arena m = w.arena().newChild();
    try {
      KvCache c;
      try (Arena step = m.newChild()) {
        List<BrainInput> distinct = new java.util.ArrayList<>();
        int[] rowOf = SharedPrefix.distinct(inputs, distinct);
        Batch b = Batch.of(step, w.shape(), distinct);
        c = new KvCache(w, m, b.sequence(), b, rowOf);
        Tensor hidden = Transformer.prefill(w, b, c.kv); // (U, S, C)
        if (distinct.size() < inputs.size()) {
          Index rows = new Index("{}", step.create(SharedPrefix.headRows(rowOf, w.shape().heads())));
          for (int j = 0; j < c.kv.length; j++) {
            c.kv[j] = c.kv[j].get(rows); // (B·H, S, D)
          }
        }
        for (Tensor a : c.kv) {
          a.attach(m);
        }
        c.hidden0 = hidden.get(rowOf[0]).get("0:{}", c.real[0]).toFloatArray();
        Tensor last = hidden.gather(lastIndex(step, b, w.shape().dim()), 1).squeeze(1); // (U, C)
        float[][] once = outputs(w, last, true);
        c.first = new float[inputs.size()][];
        for (int i = 0; i < rowOf.length; i++) {
          c.first[i] = once[rowOf[i]].clone();
        }
      }
      return c;
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /** (B, 1, C) int64 index of each row's last real position, for a gather along positions. */
  private static Tensor lastIndex(Arena m, Batch b, int c) {
    long[] index = new long[b.size() * c];
    for (int i = 0; i < b.size(); i++) {
      Arrays.fill(index, i * c, (i + 1) * c, b.patchCount() + b.lengths()[i] - 1L);
    }
    return m.create(index, new Shape(b.size(), 1, c));
  }

  /** Logits (V), then the value when {@code withValue}, per row of {@code last} (B, C). */
  private static float[][] outputs(Weights w, Tensor last, boolean withValue) {
    int b = Math.toIntExact(last.getShape().get(0));
    int v = w.shape().vocab();
    float[] logits = Transformer.logits(w, last).toFloatArray(); // (B, V)
    float[] values = withValue ? Transformer.values(w, last).toFloatArray() : null; // (B)
    float[][] out = new float[b][v + (withValue ? 1 : 0)];
    for (int i = 0; i < b; i++) {
      System.arraycopy(logits, i * v, out[i], 0, v);
      if (withValue) {
        out[i][v] = values[i];
      }
    }
    return out;
  }

  /** Logits (V) then the value, at each input's last position: {@code float[B][V + 1]}. */
  public float[][] first() {
    return first;
  }

  /** The final hidden state of the first input's positions, flattened (S, C). */
  public float[] firstHidden() {
    return hidden0;
  }

  /** Rows currently in the cache. */
  public int rows() {
    return real.length;
  }

  /** The position id the next token of cache row {@code row} gets. */
  public int position(int row) {
    return next[row];
  }

  /**
   * Feeds one token per cache row (all on {@code channel}) and returns the logits of the next
   * token, {@code float[rows][V]}. The caller keeps positions within the brain's block.
   */
  public float[][] next(int[] tokens, int channel) {
    int b = rows();
    if (tokens.length != b) {
      throw new IllegalArgumentException(
          "the cache holds " + b + " rows; got " + tokens.length + " tokens");
    }
    long[] t = new long[b];
    long[] c = new long[b];
    long[] p = new long[b];
    for (int i = 0; i < b; i++) {
      if (next[i] >= w.shape().block()) {
        throw new IllegalStateException(
            "cache row " + i + " is full at position " + next[i] + " (block " + w.shape().block()
                + "); drop it with keep() and continue without the cache");
      }
      t[i] = tokens[i];
      c[i] = channel;
      p[i] = next[i]++;
    }
    try (Arena step = arena.newChild()) {
      Shape col = new Shape(b, 1);
      Tensor last = Transformer.decode(w, step.create(t, col), step.create(c, col),
          step.create(p, col), mask(step), kv); // (B, C)
      return outputs(w, last, false);
    }
  }

  /** (B, 1, 1, W) additive mask hiding each row's padding, or null when no row is padded. */
  private Tensor mask(Arena m) {
    int width = Math.toIntExact(kv[0].getShape().get(1)) + 1;
    boolean any = false;
    float[] mask = new float[rows() * width];
    for (int i = 0; i < rows(); i++) {
      for (int j = real[i]; j < padded; j++) {
        mask[i * width + j] = Float.NEGATIVE_INFINITY;
        any = true;
      }
    }
    return any ? m.create(mask, new Shape(rows(), 1, 1, width)) : null;
  }

  /** Keeps only the cache rows marked in {@code alive} (length {@link #rows()}), in order. */
  public void keep(boolean[] alive) {
    int heads = w.shape().heads();
    int kept = 0;
    long[] index = new long[alive.length * heads]; // the kept (row, head) pairs of B·H
    for (int i = 0; i < alive.length; i++) {
      if (alive[i]) {
        for (int h = 0; h < heads; h++) {
          index[kept * heads + h] = (long) i * heads + h;
        }
        real[kept] = real[i];
        next[kept++] = next[i];
      }
    }
    if (kept == alive.length) {
      return;
    }
    real = Arrays.copyOf(real, kept);
    next = Arrays.copyOf(next, kept);
    try (Arena step = arena.newChild()) {
      Index rows = new Index("{}", step.create(Arrays.copyOf(index, kept * heads)));
      for (int j = 0; j < kv.length; j++) {
        Tensor old = kv[j];
        kv[j] = old.get(rows); // (kept·H, W, D)
        kv[j].attach(arena);
        old.close();
      }
    }
  }

  @Override
  public void close() {
    arena.close();
  }
}
