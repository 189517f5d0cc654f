package io.vivarium.brain.learn;

import io.vivarium.brain.Autograd;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * A brain trained as a byte language model ({@link LmTrainer}) used as a scorer: the summed
 * log-probability of chosen byte ranges of several texts, each byte read after up to
 * {@code context} bytes before it, in windows of {@code window} bytes, all in one forward pass.
 *
 * <p>Stateless and thread-safe (the brain's weights are read under its lock).
 */
public final class LmScorer {
  private LmScorer() {}

  /** One window of a text: its first byte and the positions it scores. */
  private record Window(int text, int start, int from, int to) {}

  /**
   * The natural-log probability of bytes {@code [from[i], to[i])} of each {@code texts[i]},
   * every byte predicted from the (at most {@code context}) bytes before it, in windows of
   * {@code window} bytes (at most the brain's block); byte 0 of a text is never predicted, so
   * {@code from[i]} must be at least 1.
   */
  public static double[] logLikelihood(TorchBrain brain, List<byte[]> texts, int[] from, int[] to, int context,
      int window) {
    int t = window;
    if (t > brain.shape().block() || context < 1 || context >= t) {
      throw new IllegalArgumentException("window must be at most the brain's block " + brain.shape().block()
          + " and context in [1, window - 1]; got window " + window + ", context " + context);
    }
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (from[i] < 1 || to[i] > texts.get(i).length) {
        throw new IllegalArgumentException("scored range [" + from[i] + ", " + to[i] + ") of text " + i
            + " must lie in [1, " + texts.get(i).length + "]");
      }
      for (int pos = from[i]; pos < to[i]; ) {
        int start = Math.max(0, pos - context);
        int end = Math.min(to[i], start + t + 1);
        windows.add(new Window(i, start, pos, end));
        pos = end;
      }
    }
    double[] out = new double[texts.size()];
    if (windows.isEmpty()) {
      return out;
    }
    int b = windows.size();
    long[] x = new long[b * t];
    java.util.Arrays.fill(x, Vocabulary.PAD);
    for (int r = 0; r < b; r++) {
      Window w = windows.get(r);
      byte[] s = texts.get(w.text());
      for (int j = 0; j < t && w.start() + j < s.length; j++) {
        x[r * t + j] = s[w.start() + j] & 0xFF;
      }
    }
    float[] lp = logSoftmax(brain, x, b, t); // (B, T, V) flattened
    int v = brain.shape().vocab();
    for (int r = 0; r < b; r++) {
      Window w = windows.get(r);
      byte[] s = texts.get(w.text());
      for (int q = w.from(); q < w.to(); q++) {
        int j = q - w.start() - 1; // the logits at j predict byte j + 1
        out[w.text()] += lp[(r * t + j) * v + (s[q] & 0xFF)];
      }
    }
    return out;
  }

  private static float[] logSoftmax(TorchBrain brain, long[] x, int b, int t) {
    return brain.update(w -> {
      try (Arena m = w.arena().newChild()) {
        Autograd.off();
        Batch batch = Batch.causal(m, x, b, t, Channel.TEXT.ordinal());
        Tensor logits = Transformer.logits(w, Transformer.hidden(w, batch, false)); // (B, T, V)
        return logits.logSoftmax(2).toFloatArray();
      }
    });
  }
}
