package io.vivarium.lab.repair;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.LmScorer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained brain as the repair search's {@link TextScorer}: a byte language model (trained by
 * {@code vivarium train repair} on clean passages, each preceded by {@link #START}) compares
 * each candidate with the reference text on the region where they differ, plus {@link #TAIL}
 * bytes after it, every byte read after up to {@link #CONTEXT} bytes before it. Bytes outside
 * the region are the same in both texts and, beyond the context, would score the same.
 *
 * <p>Thread-safe ({@link LmScorer} reads the brain under its lock).
 */
final class BrainTextScorer implements TextScorer {
  /** What precedes every passage, in training and in scoring: a paragraph break. */
  static final String START = "\n\n";
  /** Bytes of context before each scored byte. */
  static final int CONTEXT = 64;
  /** Bytes after a changed region still scored (their context changed). */
  static final int TAIL = 32;
  private static final int WINDOW = 128;
  private final TorchBrain brain;

  BrainTextScorer(TorchBrain brain) {
    this.brain = brain;
  }

  @Override
  public String name() {
    return "brain";
  }

  @Override
  public double[] gains(List<String> texts) {
    double[] out = new double[texts.size()];
    if (texts.size() < 2) {
      return out;
    }
    byte[] base = bytes(texts.get(0));
    List<byte[]> scored = new ArrayList<>();
    int[] from = new int[2 * (texts.size() - 1)];
    int[] to = new int[from.length];
    for (int i = 1; i < texts.size(); i++) {
      byte[] other = bytes(texts.get(i));
      int prefix = 0;
      int max = Math.min(base.length, other.length);
      while (prefix < max && base[prefix] == other[prefix]) {
        prefix++;
      }
      int suffix = 0;
      while (suffix < max - prefix && base[base.length - 1 - suffix] == other[other.length - 1 - suffix]) {
        suffix++;
      }
      int k = 2 * (i - 1);
      scored.add(base);
      scored.add(other);
      from[k] = from[k + 1] = Math.max(1, prefix);
      to[k] = Math.min(base.length, base.length - suffix + TAIL);
      to[k + 1] = Math.min(other.length, other.length - suffix + TAIL);
    }
    int window = Math.min(WINDOW, brain.shape().block());
    double[] lp = LmScorer.logLikelihood(brain, scored, from, to, Math.min(CONTEXT, window / 2), window);
    for (int i = 1; i < texts.size(); i++) {
      out[i] = lp[2 * i - 1] - lp[2 * i - 2];
    }
    return out;
  }

  private static byte[] bytes(String text) {
    return (START + text).getBytes(StandardCharsets.UTF_8);
  }
}
