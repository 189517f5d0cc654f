package io.vivarium.bus;

import io.vivarium.core.Entropy;
import java.util.Collection;

/**
 * The colony-wide byte entropy: the Shannon entropy of the sum of every agent's latest
 * {@link ByteCounts}, seed 000's "global entropy metric". 8 bits means every byte value is
 * equally common across the colony; 0 means the colony emits one byte value only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timeMillis when it was computed, milliseconds since the epoch
 * @param agents how many agents' counts went into it
 * @param bytes the total count of bytes
 * @param bits the entropy in bits per byte, 0 to 8
 */
public record ColonyEntropy(long timeMillis, int agents, long bytes, double bits) {
  public ColonyEntropy {
    if (agents < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "colony entropy agents and bytes must be >= 0; got " + agents + " and " + bytes);
    }
    if (!(bits >= 0 && bits <= 8.0 + 1e-9)) {
      throw new IllegalArgumentException(
          "colony entropy must be between 0 and 8 bits per byte; got " + bits);
    }
  }

  /** The entropy of the summed counts, at {@code timeMillis}. */
  public static ColonyEntropy of(long timeMillis, Collection<ByteCounts> counts) {
    long[] sum = new long[256];
    for (ByteCounts c : counts) {
      for (int b = 0; b < 256; b++) {
        sum[b] += c.count(b);
      }
    }
    long total = 0;
    for (long s : sum) {
      total += s;
    }
    return new ColonyEntropy(timeMillis, counts.size(), total, Entropy.bits(sum));
  }
}
