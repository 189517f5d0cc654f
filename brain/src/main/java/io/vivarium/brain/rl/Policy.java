package io.vivarium.brain.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.model.Weights;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The brain as a policy over a world's action alphabet: the next-byte logits at the last
 * prefix position (the {@code <sep>}), restricted to the alphabet's bytes, and the value head
 * at the same position. Restricting the support keeps exploration on meaningful moves instead
 * of the 250-odd no-op bytes. Stateless.
 */
final class Policy {
  private Policy() {}

  /** Logits (B, A) over the alphabet and values (B) for inputs of equal length. */
  static NDArray[] forward(Weights w, NDManager m, List<BrainInput> inputs, long[] alphabet, boolean training) {
    Batch b = Batch.of(m, w.shape(), inputs);
    NDArray last = Transformer.last(w, b, training); // (B, C)
    NDArray logits = Transformer.logits(w, last); // (B, V)
    long[] idx = new long[inputs.size() * alphabet.length];
    for (int i = 0; i < inputs.size(); i++) {
      System.arraycopy(alphabet, 0, idx, i * alphabet.length, alphabet.length);
    }
    NDArray picked = logits.gather(m.create(idx, new Shape(inputs.size(), alphabet.length)), 1); // (B, A)
    NDArray values = Transformer.values(w, last); // (B)
    return new NDArray[] {picked, values};
  }

  /** Samples one index from each row of {@code logits} (B, A); writes log-probabilities. */
  static int[] sample(float[] logits, int actions, SplittableRandom rng, float[] logp, boolean greedy) {
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
  static float logProb(float[] logits, int actions, int r, int choice) {
    int base = r * actions;
    double max = max(logits, base, actions);
    return (float) (logits[base + choice] - max - Math.log(sumExp(logits, base, actions, max)));
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
