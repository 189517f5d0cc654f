package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Index;
import io.vivarium.core.Vocabulary;

/**
 * Seed 000's differentiable terms on the predicted byte distribution of byte-sequence actions:
 * the entropy per generated position, and the distance from flat of the colony's byte histogram
 * once the minibatch's expected bytes join it (formulas in docs/learning.md). Stateless.
 */
final class ByteTerms {
  private static final double LOG_BYTES = Math.log(Vocabulary.BYTES);

  private ByteTerms() {}

  /**
   * The predicted distribution at each position restricted to the 256 bytes and renormalised
   * ({@code <eos>} left out): log p_b, (B·S, 256) from the vocabulary's log-distribution (B·S, V).
   */
  static Tensor byteLog(Tensor logAll) {
    return logAll.get(new Index(":, 0:" + Vocabulary.BYTES)).logSoftmax(-1); // (B·S, 256)
  }

  /** The mean over the scored positions ({@code mask} (B·S), {@code denom} their count) of H(p_b), in nats. */
  static Tensor entropy(Tensor byteLog, Tensor mask, Tensor denom) {
    Tensor h = byteLog.exp().mul(byteLog).sum(new int[] {-1}).neg(); // (B·S)
    return h.mul(mask).sum().div(denom);
  }

  /**
   * The colony term: with e the minibatch's expected byte counts (the sum of p_b over its
   * {@code positions} scored positions) and c the colony's {@code counts}, the mixture
   * q = (c + e) / (C + E) and KL(q ‖ uniform) = ln 256 − H(q). The loss is KL / λ with
   * λ = E / (C + E), the minibatch's share of the mixture: the gradient per expected byte,
   * ln q_b + 1, then keeps its size however many bytes the colony has counted.
   *
   * @return the loss term (scalar, differentiable through p_b) and KL(q ‖ uniform) in nats
   */
  static Tensor[] colony(Arena m, Tensor byteLog, Tensor mask, float positions, long[] counts) {
    double total = 0;
    for (long c : counts) {
      total += c;
    }
    double all = total + positions;
    float[] base = new float[Vocabulary.BYTES];
    for (int b = 0; b < base.length; b++) {
      base[b] = (float) (counts[b] / all);
    }
    float share = (float) (positions / all);
    Tensor expected = byteLog.exp().mul(mask.expandDims(1)).sum(new int[] {0}); // (256)
    Tensor q = m.create(base).add(expected.div(m.create((float) all))); // (256)
    Tensor kl = q.mul(q.maximum(m.create(1e-30f)).log()).sum().add(m.create((float) LOG_BYTES));
    return new Tensor[] {kl.div(m.create(share)), kl};
  }

  /**
   * {@code counts} checked: 256 non-negative byte counts.
   *
   * @throws IllegalArgumentException naming the rule and the bad value
   */
  static long[] checked(long[] counts) {
    if (counts == null || counts.length != Vocabulary.BYTES) {
      throw new IllegalArgumentException("the colony's byte counts (learn.grpo.colonyHistogram) must be 256 counts, "
          + "one per byte value; got " + (counts == null ? "none" : counts.length + " counts")
          + "; give Grpo.colonyCounts a supplier of 256 counts");
    }
    for (int b = 0; b < counts.length; b++) {
      if (counts[b] < 0) {
        throw new IllegalArgumentException("the colony's byte counts must not be negative; got " + counts[b]
            + " for byte " + b + "; count each byte's occurrences from 0");
      }
    }
    return counts;
  }
}
