package io.vivarium.lab.repair;

import io.vivarium.worlds.repair.Corpus;
import java.util.Arrays;
import java.util.List;

/**
 * A character n-gram language model with Witten-Bell interpolation, learned from clean passages
 * (a corpus's training split, as {@link Lexicon} is): the probability of each character given
 * the up to {@link #ORDER}{@code  - 1} characters before it in the same passage. It gives the
 * repair search its per-character surprisal (where the text looks damaged) and its ranking of
 * candidate repairs.
 *
 * <p>Immutable after {@link #learn}; thread-safe.
 */
public final class CharNgram implements TextScorer {
  /** Characters per n-gram: the predicted one and up to six before it. */
  public static final int ORDER = 7;
  private static final int CODES = 256; // chars above 254 share code 255
  private static final long CONTEXT_FLAG = 1L << 62;
  private final Counts counts;

  private CharNgram(Counts counts) {
    this.counts = counts;
  }

  /** Learns from {@code passages}. */
  public static CharNgram learn(List<String> passages) {
    Counts c = new Counts(1 << 16);
    for (String p : passages) {
      for (int i = 0; i < p.length(); i++) {
        for (int k = 0; k <= Math.min(i, ORDER - 1); k++) {
          long gram = key(p, i - k, i, code(p.charAt(i)));
          long context = key(p, i - k, i, 0) | CONTEXT_FLAG;
          if (c.add(gram, 1) == 1) {
            c.add(context | 1L << 61, 1); // one more type seen after this context
          }
          c.add(context, 1);
        }
      }
    }
    return new CharNgram(c);
  }

  /** Learns from the first {@code passages} passages of {@code corpus}'s training split. */
  public static CharNgram learn(Corpus corpus, int passages) {
    return learn(Lexicon.trainingPassages(corpus, passages));
  }

  @Override
  public String name() {
    return "ngram";
  }

  @Override
  public double[] gains(List<String> texts) {
    double[] out = new double[texts.size()];
    for (int t = 0; t < out.length; t++) {
      out[t] = logLikelihood(texts.get(t));
    }
    double first = out.length == 0 ? 0 : out[0];
    for (int t = 0; t < out.length; t++) {
      out[t] -= first;
    }
    return out;
  }

  /** The log-likelihood (nats) of {@code text}. */
  public double logLikelihood(String text) {
    double sum = 0;
    for (int i = 0; i < text.length(); i++) {
      sum += logProb(text, i);
    }
    return sum;
  }

  /** The natural log of the probability of {@code text.charAt(i)} given the characters before it. */
  public double logProb(CharSequence text, int i) {
    return logProb(text, 0, i);
  }

  /**
   * The natural log of the probability of {@code text.charAt(i)} given the characters before it
   * from {@code from} on (as if the text began at {@code from}).
   */
  public double logProb(CharSequence text, int from, int i) {
    int c = code(text.charAt(i));
    double p = 1.0 / CODES;
    for (int k = 0; k <= Math.min(i - from, ORDER - 1); k++) {
      long context = key(text, i - k, i, 0) | CONTEXT_FLAG;
      int total = counts.get(context);
      if (total == 0) {
        break; // a longer context was never seen either
      }
      int types = counts.get(context | 1L << 61);
      p = (counts.get(key(text, i - k, i, c)) + types * p) / (total + types);
    }
    return Math.log(p);
  }

  /** The log-probabilities of every character of {@code text}. */
  public double[] logProbs(CharSequence text) {
    double[] out = new double[text.length()];
    Arrays.setAll(out, i -> logProb(text, i));
    return out;
  }

  /** The packed key of the context {@code text[from, to)} followed by character code {@code c}. */
  private static long key(CharSequence text, int from, int to, int c) {
    long k = to - from;
    for (int j = from; j < to; j++) {
      k = k << 8 | code(text.charAt(j));
    }
    return k << 8 | c;
  }

  private static int code(char c) {
    return c < CODES - 1 ? c + 1 : CODES - 1;
  }

  /** An open-addressing map from non-zero long keys to int counts. */
  private static final class Counts {
    private long[] keys;
    private int[] values;
    private int size;

    Counts(int expected) {
      int cap = Integer.highestOneBit(Math.max(16, expected)) << 1;
      keys = new long[Math.min(cap, 1 << 30)];
      values = new int[keys.length];
    }

    int get(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); ; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
        if (keys[i] == 0) {
          return 0;
        }
      }
    }

    /** Adds {@code n} to {@code key}'s count and returns the new count. */
    int add(long key, int n) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      if (keys[i] == 0) {
        keys[i] = key;
        size++;
      }
      return values[i] += n;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new int[keys.length];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          add(oldKeys[i], oldValues[i]);
        }
      }
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ h >>> 32) & mask;
    }
  }
}
