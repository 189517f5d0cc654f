package io.vivarium.brain;

import io.vivarium.core.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Autoregressive sampling for {@link TorchBrain}: all unfinished rows advance together, one
 * token per forward pass (no key/value cache: contexts are short). Sampling happens in Java
 * from the caller's {@link SplittableRandom}, so a seed fixes the output.
 *
 * <p>Stateless; each call owns its data.
 */
final class Sampler {
  private Sampler() {}

  static List<Acted> run(
      TorchBrain brain, List<BrainInput> inputs, Sampling sampling, SplittableRandom rng) {
    int b = inputs.size();
    int block = brain.shape().block();
    BrainInput[] seqs = new BrainInput[b];
    int[][] tokens = new int[b][sampling.maxBytes()];
    float[][] logProbs = new float[b][sampling.maxBytes()];
    int[] counts = new int[b];
    boolean[] done = new boolean[b];
    float[] values = new float[b];
    for (int i = 0; i < b; i++) {
      seqs[i] = inputs.get(i).keepLast(block);
    }
    for (int step = 0; step < sampling.maxBytes(); step++) {
      List<Integer> rows = new ArrayList<>();
      List<BrainInput> batch = new ArrayList<>();
      for (int i = 0; i < b; i++) {
        if (!done[i]) {
          rows.add(i);
          batch.add(seqs[i].keepLast(block));
        }
      }
      if (rows.isEmpty()) {
        break;
      }
      float[][] out = brain.lastLogits(batch, step == 0);
      for (int r = 0; r < rows.size(); r++) {
        int i = rows.get(r);
        if (step == 0) {
          values[i] = out[r][brain.shape().vocab()];
        }
        float[] lp = new float[1];
        int token = draw(out[r], brain.shape().vocab(), sampling, rng, lp);
        tokens[i][counts[i]] = token;
        logProbs[i][counts[i]++] = lp[0];
        seqs[i] = seqs[i].append(token, sampling.channel());
        done[i] = token == Vocabulary.EOS || token == sampling.stopByte();
      }
    }
    List<Acted> acted = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
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
