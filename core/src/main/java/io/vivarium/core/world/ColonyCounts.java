package io.vivarium.core.world;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Colony-wide counts of the bytes agents emitted (seed 000's shared byte distribution), lent by
 * a colony to the worlds it makes: a world's reward may add its programs' bytes and read the
 * counts of everyone. The colony backs it with the counts exchanged on the bus; {@link #local()}
 * keeps them in this process. Implementations are thread-safe.
 */
public interface ColonyCounts {
  /** Adds the bytes of one output. */
  void add(byte[] bytes);

  /** The count of each byte value so far.  // (256) */
  long[] snapshot();

  /** Counts kept in this process only. */
  static ColonyCounts local() {
    AtomicLongArray counts = new AtomicLongArray(256);
    return new ColonyCounts() {
      @Override
      public void add(byte[] bytes) {
        for (byte b : bytes) {
          counts.incrementAndGet(b & 0xFF);
        }
      }

      @Override
      public long[] snapshot() {
        long[] copy = new long[256];
        for (int i = 0; i < 256; i++) {
          copy[i] = counts.get(i);
        }
        return copy;
      }
    };
  }
}
