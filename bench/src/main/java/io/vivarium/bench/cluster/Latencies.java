package io.vivarium.bench.cluster;

import java.util.Arrays;

/**
 * Latency samples of one kind of request, in nanoseconds, and their percentiles (nearest rank).
 * Thread-confined: each caller thread keeps its own and {@link #merge}s it at the end.
 */
public final class Latencies {
  private long[] nanos = new long[1024];
  private int count;

  public void add(long sampleNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, 2 * count);
    }
    nanos[count++] = sampleNanos;
  }

  public void merge(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.nanos[i]);
    }
  }

  public int count() {
    return count;
  }

  /** The {@code q} quantile in milliseconds (0 without samples). */
  public double millis(double q) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int k = (int) Math.ceil(q * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, k))] / 1e6;
  }
}
