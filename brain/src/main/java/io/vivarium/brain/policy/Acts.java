package io.vivarium.brain.policy;

/**
 * What an {@link Actor} did for a batch of N inputs. For one-byte actions {@code choice} holds
 * alphabet indices and {@code tokens} is null; for sequences {@code tokens} holds each row's
 * sampled tokens (bytes, possibly a final {@code <eos>}) with their log-probabilities. Arrays are
 * not copied.
 *
 * @param bytes (N) each action's bytes
 * @param choice (N) alphabet indices, or null for sequences
 * @param tokens (N) sampled tokens per row, or null for one-byte actions
 * @param tokenLogp (N) each sampled token's log-probability, or null for one-byte actions
 * @param logp (N) the whole action's log-probability
 * @param values (N) the value head's estimates
 */
public record Acts(byte[][] bytes, int[] choice, int[][] tokens, float[][] tokenLogp, float[] logp, float[] values) {
  /** Number of rows. */
  public int size() {
    return bytes.length;
  }
}
