package io.vivarium.brain;

import io.vivarium.brain.model.KvCache;
import io.vivarium.core.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Autoregressive sampling for {@link TorchBrain}: all unfinished rows advance together, one
 * token per step. Sampling happens in Java from the caller's {@link SplittableRandom}, so a
 * seed fixes the output.
 *
 * <p>{@link #run} reads the inputs once into a {@link KvCache} and then feeds one token per row
 * per step. A row whose sequence outgrows the brain's block leaves the cache and continues on
 * the uncached path, whose context slides (the oldest tokens drop, positions shift), so both
 * paths sample the same sequences. {@link #runUncached} reruns the whole sequence for every
 * token; it is the reference the cached path is tested against.
 *
 * <p>Stateless; each call owns its data.
 */
final class Sampler {
  private Sampler() {}

  static List<Acted> run(
      TorchBrain brain, List<BrainInput> inputs, Sampling sampling, SplittableRandom rng) {
    Rows st = new Rows(brain, inputs, sampling);
    int b = inputs.size();
    int[] cached = new int[b]; // cache row -> input row
    boolean[] inCache = new boolean[b];
    for (int i = 0; i < b; i++) {
      cached[i] = i;
      inCache[i] = true;
    }
    try (KvCache cache = brain.cache(Arrays.asList(st.seqs))) {
      st.drawAll(cache.first(), true, rng);
      for (int step = 1; step < sampling.maxBytes() && st.active() > 0; step++) {
        // 1. finished rows and rows whose next position passes the block leave the cache
        boolean[] alive = new boolean[cached.length];
        int kept = 0;
        for (int r = 0; r < cached.length; r++) {
          alive[r] = !st.done[cached[r]] && cache.position(r) < st.block;
          inCache[cached[r]] = alive[r];
          if (alive[r]) {
            cached[kept++] = cached[r];
          }
        }
        cache.keep(alive);
        cached = Arrays.copyOf(cached, kept);
        // 2. logits for every unfinished row: cached rows by one step, the others uncached
        float[][] logits = new float[b][];
        if (kept > 0) {
          int[] last = new int[kept];
          for (int r = 0; r < kept; r++) {
            last[r] = st.last(cached[r]);
          }
          float[][] out = cache.next(last, sampling.channel().ordinal());
          for (int r = 0; r < kept; r++) {
            logits[cached[r]] = out[r];
          }
        }
        st.uncached(brain, i -> !inCache[i], logits, false);
        // 3. draw in row order, as the uncached path does
        st.drawAll(logits, false, rng);
      }
    }
    return st.acted();
  }

  /** The reference: every step reruns each unfinished row's whole (sliding) sequence. */
  static List<Acted> runUncached(
      TorchBrain brain, List<BrainInput> inputs, Sampling sampling, SplittableRandom rng) {
    Rows st = new Rows(brain, inputs, sampling);
    for (int step = 0; step < sampling.maxBytes() && st.active() > 0; step++) {
      float[][] logits = new float[inputs.size()][];
      st.uncached(brain, i -> true, logits, step == 0);
      st.drawAll(logits, step == 0, rng);
    }
    return st.acted();
  }

  /** The per-row state of one sampling call. */
  private static final class Rows {
    final BrainInput[] seqs;
    final int[][] tokens;
    final float[][] logProbs;
    final int[] counts;
    final boolean[] done;
    final float[] values;
    final Sampling sampling;
    final int block;
    final int vocab;

    Rows(TorchBrain brain, List<BrainInput> inputs, Sampling sampling) {
      int b = inputs.size();
      this.sampling = sampling;
      this.block = brain.shape().block();
      this.vocab = brain.shape().vocab();
      seqs = new BrainInput[b];
      tokens = new int[b][sampling.maxBytes()];
      logProbs = new float[b][sampling.maxBytes()];
      counts = new int[b];
      done = new boolean[b];
      values = new float[b];
      for (int i = 0; i < b; i++) {
        seqs[i] = inputs.get(i).keepLast(block);
      }
    }

    int active() {
      int n = 0;
      for (boolean d : done) {
        n += d ? 0 : 1;
      }
      return n;
    }

    int last(int i) {
      return tokens[i][counts[i] - 1];
    }

    /** Fills {@code logits[i]} for the unfinished rows {@code which} selects, uncached. */
    void uncached(TorchBrain brain, IntPredicate which, float[][] logits, boolean first) {
      List<Integer> rows = new ArrayList<>();
      List<BrainInput> batch = new ArrayList<>();
      for (int i = 0; i < seqs.length; i++) {
        if (!done[i] && which.test(i)) {
          rows.add(i);
          batch.add(seqs[i].keepLast(block));
        }
      }
      if (!rows.isEmpty()) {
        float[][] out = brain.lastLogits(batch, first);
        for (int r = 0; r < rows.size(); r++) {
          logits[rows.get(r)] = out[r];
        }
      }
    }

    /** Draws the next token of every unfinished row, in row order; the first step keeps values. */
    void drawAll(float[][] logits, boolean first, SplittableRandom rng) {
      for (int i = 0; i < seqs.length; i++) {
        if (done[i]) {
          continue;
        }
        if (first) {
          values[i] = logits[i][vocab];
        }
        float[] lp = new float[1];
        int token = draw(logits[i], vocab, sampling, rng, lp);
        tokens[i][counts[i]] = token;
        logProbs[i][counts[i]++] = lp[0];
        seqs[i] = seqs[i].append(token, sampling.channel());
        done[i] = token == Vocabulary.EOS || token == sampling.stopByte()
            || counts[i] == sampling.maxBytes();
      }
    }

    List<Acted> acted() {
      List<Acted> acted = new ArrayList<>(seqs.length);
      for (int i = 0; i < seqs.length; i++) {
        int[] t = Arrays.copyOf(tokens[i], counts[i]);
        int n = t.length > 0 && t[t.length - 1] == Vocabulary.EOS ? t.length - 1 : t.length;
        byte[] bytes = new byte[n];
        for (int j = 0; j < n; j++) {
          bytes[j] = (byte) t[j];
        }
        acted.add(new Acted(t, bytes, Arrays.copyOf(logProbs[i], counts[i]), values[i]));
      }
      return acted;
    }
  }

  /**
   * Draws a byte or {@code <eos>} from {@code logits[0..vocab)}; stores the log-probability of
   * the draw in {@code logProb[0]}.
   */
  static int draw(float[] logits, int vocab, Sampling s, SplittableRandom rng, float[] logProb) {
    double temperature = s.temperature() == 0 ? 1 : s.temperature();
    double[] z = new double[vocab];
    Arrays.fill(z, Double.NEGATIVE_INFINITY);
    for (int t = 0; t < vocab; t++) {
      if (TorchBrain.sampleable(t)) {
        z[t] = logits[t] / temperature;
      }
    }
    if (s.topK() > 0 && s.temperature() > 0) {
      double[] sorted = z.clone();
      Arrays.sort(sorted);
      double kth = sorted[Math.max(0, vocab - s.topK())];
      for (int t = 0; t < vocab; t++) {
        if (z[t] < kth) {
          z[t] = Double.NEGATIVE_INFINITY;
        }
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    int argmax = 0;
    for (int t = 0; t < vocab; t++) {
      if (z[t] > max) {
        max = z[t];
        argmax = t;
      }
    }
    double sum = 0;
    for (int t = 0; t < vocab; t++) {
      sum += Math.exp(z[t] - max);
    }
    double logSum = max + Math.log(sum);
    int token = argmax;
    if (s.temperature() > 0) {
      double u = rng.nextDouble() * sum;
      double acc = 0;
      for (int t = 0; t < vocab; t++) {
        acc += Math.exp(z[t] - max);
        if (u < acc) {
          token = t;
          break;
        }
      }
    }
    logProb[0] = (float) (z[token] - logSum);
    return token;
  }
}
