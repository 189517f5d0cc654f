package io.vivarium.worlds.exec;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Colony-wide counts of program bytes, the input of the {@code global-entropy} reward. The bus
 * will implement it with counts exchanged between agents; {@link #local()} keeps them in this
 * process. Implementations are thread-safe.
 */
public interface ByteCounts {
  /** Adds the bytes of one program. */
  void add(byte[] bytes);

  /** The count of each byte value so far.  // (256) */
  long[] snapshot();

  /** Counts kept in this process only. */
  static ByteCounts local() {
    AtomicLongArray counts = new AtomicLongArray(256);
    return new ByteCounts() {
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
