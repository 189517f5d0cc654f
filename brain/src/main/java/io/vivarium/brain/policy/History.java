package io.vivarium.brain.policy;

import io.vivarium.core.Vocabulary;
import java.util.Arrays;

/**
 * What each of N environments did last: its previous actions' first bytes (as tokens, PAD
 * when there were fewer) and its previous reward. Structure of arrays; not thread-safe.
 */
public final class History {
  private final int n;
  private final int k;
  private final int[] actions; // (N, K) tokens, oldest first
  private final float[] rewards; // (N)

  public History(int n, int k) {
    this.n = n;
    this.k = k;
    actions = new int[n * k];
    rewards = new float[n];
    Arrays.fill(actions, Vocabulary.PAD);
  }

  /** Number of environments. */
  public int size() {
    return n;
  }

  /** Records that environment {@code i} acted with {@code motor} and got {@code reward}; a finished episode starts afresh. */
  public void record(int i, int motor, float reward, boolean episodeEnded) {
    if (episodeEnded) {
      clear(i);
      return;
    }
    if (k > 0) {
      System.arraycopy(actions, i * k + 1, actions, i * k, k - 1);
      actions[i * k + k - 1] = motor < 0 ? Vocabulary.PAD : motor & 0xFF;
    }
    rewards[i] = reward;
  }

  /** Forgets environment {@code i}'s past. */
  public void clear(int i) {
    Arrays.fill(actions, i * k, i * k + k, Vocabulary.PAD);
    rewards[i] = 0;
  }

  /** The token of environment {@code i}'s {@code j}-th remembered action, oldest first. */
  int action(int i, int j) {
    return actions[i * k + j];
  }

  /** Environment {@code i}'s previous reward. */
  float reward(int i) {
    return rewards[i];
  }

  int memory() {
    return k;
  }
}
