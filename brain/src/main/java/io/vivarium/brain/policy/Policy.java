package io.vivarium.brain.policy;

import io.vivarium.brain.tensor.Index;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.SharedPrefix;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.model.Weights;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The brain as a policy over a world's action alphabet: the next-byte logits at the last
 * prefix position (the {@code <sep>}), restricted to the alphabet's bytes, and the value head
 * at the same position. Restricting the support keeps exploration on meaningful moves instead
 * of the 250-odd no-op bytes. For byte-sequence actions, {@link #sequence} scores generated
 * tokens under teacher forcing, as the {@link io.vivarium.brain.Sampler} drew them. Stateless.
 */
public final class Policy {
  private Policy() {}

  /** Logits (B, A) over the alphabet and values (B) for inputs of equal length. */
  public static Tensor[] forward(Weights w, Arena m, List<BrainInput> inputs, long[] alphabet, boolean training) {
    Batch b = Batch.of(m, w.shape(), inputs);
    Tensor last = Transformer.last(w, b, training); // (B, C)
    Tensor logits = Transformer.logits(w, last); // (B, V)
    long[] idx = new long[inputs.size() * alphabet.length];
    for (int i = 0; i < inputs.size(); i++) {
      System.arraycopy(alphabet, 0, idx, i * alphabet.length, alphabet.length);
    }
    Tensor picked = logits.gather(m.create(idx, new Shape(inputs.size(), alphabet.length)), 1); // (B, A)
    Tensor values = Transformer.values(w, last); // (B)
    return new Tensor[] {picked, values};
  }

  /** Samples one index from each row of {@code logits} (B, A); writes log-probabilities. */
  public static int[] sample(float[] logits, int actions, SplittableRandom rng, float[] logp, boolean greedy) {
    int rows = logits.length / actions;
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      int base = r * actions;
      int choice = 0;
      if (greedy) {
        for (int a = 1; a < actions; a++) {
          choice = logits[base + a] > logits[base + choice] ? a : choice;
        }
      } else {
        double max = max(logits, base, actions);
        double u = rng.nextDouble() * sumExp(logits, base, actions, max);
        double acc = 0;
        choice = actions - 1;
        for (int a = 0; a < actions; a++) {
          acc += Math.exp(logits[base + a] - max);
          if (u < acc) {
            choice = a;
            break;
          }
        }
      }
      out[r] = choice;
      logp[r] = logProb(logits, actions, r, choice);
    }
    return out;
  }

  /** log softmax(row {@code r} of {@code logits} (B, A))[{@code choice}]. */
  public static float logProb(float[] logits, int actions, int r, int choice) {
    int base = r * actions;
    double max = max(logits, base, actions);
    return (float) (logits[base + choice] - max - Math.log(sumExp(logits, base, actions, max)));
  }

  /**
   * Teacher-forced log-probabilities of generated tokens: row {@code i} is {@code prefixes[i]}
   * followed by {@code tokens[i]}; token {@code j} of row {@code i} is scored at the position
   * before it, over the tokens a sampler may draw (bytes and {@code <eos>}), with logits divided
   * by {@code temperature} as the sampler divided them. Rows longer than the block keep their
   * last {@code block} tokens (the sampler saw the same).
   *
   * @return log-probabilities (B·S), entropies (B·S), the scored positions' mask (B·S) and the
   *     log-distribution over the vocabulary (B·S, V; unsampleable tokens at about −1e9), flat
   *     over the batch's positions (B, S), or (B, T) over the continuations alone when rows share
   *     prefixes; the mask marks each row's scored positions, in token order
   */
  public static Tensor[] sequence(Weights w, Arena m, List<BrainInput> prefixes, int[][] tokens,
      io.vivarium.core.Channel channel, double temperature, boolean training) {
    return sequence(w, m, prefixes, tokens, channel, temperature, training, false);
  }

  /**
   * {@link #sequence} and, when {@code values} is set, a fifth array: the value head (B) at
   * each row's last context position, the one before its first generated token. That is where
   * the {@link Actor}'s sampler read the value; the two agree when prefix and action fit the
   * block (the colony sizes blocks so), else the value sees the context the cut row keeps.
   */
  public static Tensor[] sequence(Weights w, Arena m, List<BrainInput> prefixes, int[][] tokens,
      io.vivarium.core.Channel channel, double temperature, boolean training, boolean values) {
    Tensor[] shared = shared(w, m, prefixes, tokens, channel, temperature, training, values);
    if (shared != null) {
      return shared;
    }
    List<BrainInput> rows = new java.util.ArrayList<>(prefixes.size());
    for (int i = 0; i < prefixes.size(); i++) {
      rows.add(joined(prefixes.get(i), tokens[i], channel).keepLast(w.shape().block()));
    }
    Batch b = Batch.of(m, w.shape(), rows);
    int s = b.sequence();
    int v = w.shape().vocab();
    long[] target = new long[b.size() * s];
    float[] mask = new float[b.size() * s];
    scored(rows, tokens, b.patchCount(), s, target, mask);
    Tensor hidden = Transformer.hidden(w, b, training); // (B, S, C)
    Tensor logits = Transformer.logits(w, hidden); // (B, S, V)
    logits = logits.div(m.create((float) temperature)).add(m.create(SAMPLEABLE_BIAS)).reshape(b.size() * s, v);
    Tensor logAll = logits.logSoftmax(-1); // (B·S, V)
    Tensor picked = logAll.gather(m.create(target, new Shape(b.size() * s, 1)), 1).squeeze(-1); // (B·S)
    Tensor entropy = logAll.exp().mul(logAll).sum(new int[] {-1}).neg(); // (B·S)
    if (!values) {
      return new Tensor[] {picked, entropy, m.create(mask), logAll};
    }
    long[] context = new long[b.size()];
    for (int i = 0; i < b.size(); i++) {
      int n = rows.get(i).tokens().length;
      context[i] = b.patchCount() + n - Math.min(tokens[i].length, n - 1) - 1L; // as in #scored
    }
    Tensor value = Transformer.values(w, hidden) // (B, S)
        .gather(m.create(context, new Shape(b.size(), 1)), 1).squeeze(-1); // (B)
    return new Tensor[] {picked, entropy, m.create(mask), logAll, value};
  }

  /**
   * {@link #sequence} through {@link SharedPrefix} when rows share prefixes (GRPO's groups) and
   * the path applies: each distinct prefix runs once and only the predicting positions reach the
   * output head. The flat positions are (B, T) with T the longest continuation, row i's tokens
   * first, in order. Null when the path does not apply.
   */
  private static Tensor[] shared(Weights w, Arena m, List<BrainInput> prefixes, int[][] tokens,
      io.vivarium.core.Channel channel, double temperature, boolean training, boolean values) {
    int b = prefixes.size();
    List<BrainInput> distinct = new java.util.ArrayList<>();
    int[] groupOf = SharedPrefix.distinct(prefixes, distinct);
    int t = 1;
    for (int[] row : tokens) {
      t = Math.max(t, row.length);
    }
    if (distinct.size() == b || !SharedPrefix.fits(w.shape(), distinct, t)) {
      return null; // nothing shared, or a row the path cannot take
    }
    long[] target = new long[b * t];
    float[] mask = new float[b * t];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < tokens[i].length; j++) {
        target[i * t + j] = tokens[i][j];
        mask[i * t + j] = 1f;
      }
    }
    int v = w.shape().vocab();
    Tensor hidden = SharedPrefix.predictors(w, m, distinct, groupOf, tokens, channel.ordinal(), training);
    Tensor logits = Transformer.logits(w, hidden).div(m.create((float) temperature)).add(m.create(SAMPLEABLE_BIAS))
        .reshape((long) b * t, v);
    Tensor logAll = logits.logSoftmax(-1); // (B·T, V)
    Tensor picked = logAll.gather(m.create(target, new Shape((long) b * t, 1)), 1).squeeze(-1);
    Tensor entropy = logAll.exp().mul(logAll).sum(new int[] {-1}).neg();
    if (!values) {
      return new Tensor[] {picked, entropy, m.create(mask), logAll};
    }
    Tensor afterPrefix = hidden.get(new Index(":, 0, :")); // (B, C): the last context position
    return new Tensor[] {picked, entropy, m.create(mask), logAll, Transformer.values(w, afterPrefix)};
  }

  /** 0 for tokens a sampler may draw, a large negative bias for the rest (specials but {@code <eos>}). */
  private static final float[] SAMPLEABLE_BIAS = sampleableBias();

  private static float[] sampleableBias() {
    float[] bias = new float[io.vivarium.core.Vocabulary.SIZE];
    for (int t = 0; t < bias.length; t++) {
      bias[t] = io.vivarium.core.Vocabulary.isByte(t) || t == io.vivarium.core.Vocabulary.EOS ? 0f : -1e9f;
    }
    return bias;
  }

  /**
   * Marks the flat (B·S) positions that predict generated tokens: for row {@code i} of
   * {@code rows} (prefix then its {@code tokens[i]}, cut to the block), the token at index
   * {@code k} is predicted at position {@code patches + k − 1}.
   */
  private static void scored(List<BrainInput> rows, int[][] tokens, int patches, int s, long[] target, float[] mask) {
    for (int i = 0; i < rows.size(); i++) {
      int n = rows.get(i).tokens().length;
      int generated = Math.min(tokens[i].length, n - 1);
      for (int j = 0; j < generated; j++) {
        int k = n - generated + j; // index of the generated token in the (cut) row
        int at = i * s + patches + k - 1;
        target[at] = rows.get(i).tokens()[k];
        mask[at] = 1f;
      }
    }
  }

  /** {@code prefix} followed by {@code tokens} on {@code channel} (generated, not prefix). */
  private static BrainInput joined(BrainInput prefix, int[] tokens, io.vivarium.core.Channel channel) {
    int p = prefix.tokens().length;
    int[] t = java.util.Arrays.copyOf(prefix.tokens(), p + tokens.length);
    byte[] c = java.util.Arrays.copyOf(prefix.channels(), p + tokens.length);
    System.arraycopy(tokens, 0, t, p, tokens.length);
    java.util.Arrays.fill(c, p, p + tokens.length, (byte) channel.ordinal());
    return new BrainInput(t, c, prefix.prefix(), prefix.patches());
  }

  private static double max(float[] logits, int base, int actions) {
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < actions; a++) {
      max = Math.max(max, logits[base + a]);
    }
    return max;
  }

  private static double sumExp(float[] logits, int base, int actions, double max) {
    double z = 0;
    for (int a = 0; a < actions; a++) {
      z += Math.exp(logits[base + a] - max);
    }
    return z;
  }
}
