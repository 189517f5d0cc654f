package io.vivarium.brain;

/**
 * What a brain did for one input: the sampled tokens (bytes, possibly ending with
 * {@code <eos>}), their bytes, the log-probability of each token under the distribution it was
 * drawn from (for greedy decoding: the untempered model distribution), and the value head's
 * estimate at the last prefix position.
 *
 * <p>Immutable by convention: the arrays are not copied.
 */
public record Acted(int[] tokens, byte[] bytes, float[] logProbs, float value) {
  public Acted {
    if (tokens.length != logProbs.length) {
      throw new IllegalArgumentException(
          "one log-probability per token is needed; got " + tokens.length + " tokens and "
              + logProbs.length + " log-probabilities");
    }
  }

  /** Sum of the tokens' log-probabilities. */
  public double totalLogProb() {
    double s = 0;
    for (float f : logProbs) {
      s += f;
    }
    return s;
  }
}
