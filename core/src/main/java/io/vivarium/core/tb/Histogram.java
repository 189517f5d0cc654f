package io.vivarium.core.tb;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code HistogramProto}: summary numbers and buckets, bucket {@code i} holding the values
 * above {@code limits[i - 1]} (above {@code min} for the first) up to {@code limits[i]}.
 * Validated: as many counts as limits, limits increasing, counts at least 0.
 *
 * @param min the smallest value
 * @param max the largest value
 * @param num how many values
 * @param sum their sum
 * @param sumSquares the sum of their squares
 * @param limits each bucket's upper edge, increasing
 * @param counts each bucket's count
 */
public record Histogram(double min, double max, double num, double sum, double sumSquares, double[] limits,
    double[] counts) {
  public Histogram {
    if (limits.length != counts.length) {
      throw new IllegalArgumentException("a histogram needs one count per bucket limit; got " + limits.length
          + " limits and " + counts.length + " counts");
    }
    for (int i = 0; i < limits.length; i++) {
      if (i > 0 && !(limits[i] > limits[i - 1])) {
        throw new IllegalArgumentException("histogram bucket limits must increase; limit " + i + " is " + limits[i]
            + " after " + limits[i - 1]);
      }
      if (!(counts[i] >= 0)) {
        throw new IllegalArgumentException("histogram counts must be >= 0; bucket " + i + " has " + counts[i]);
      }
    }
    limits = limits.clone();
    counts = counts.clone();
  }

  /**
   * The histogram of byte values (256 counts, one per value), each value its own bucket
   * {@code (v - 0.5, v + 0.5]}; runs of empty buckets are dropped but the one before a full
   * bucket, as TensorFlow's histograms do, so every edge stays right.
   */
  public static Histogram ofBytes(long[] counts) {
    if (counts.length != 256) {
      throw new IllegalArgumentException("byte counts must have 256 entries (one per byte value); got "
          + counts.length);
    }
    List<double[]> buckets = new ArrayList<>();
    double num = 0;
    double sum = 0;
    double squares = 0;
    int min = -1;
    int max = 0;
    for (int v = 0; v < 256; v++) {
      long c = counts[v];
      if (c > 0) {
        min = min < 0 ? v : min;
        max = v;
        num += c;
        sum += (double) c * v;
        squares += (double) c * v * v;
      }
      if (c > 0 || (v < 255 && counts[v + 1] > 0)) {
        buckets.add(new double[] {v + 0.5, c});
      }
    }
    double[] limits = new double[buckets.size()];
    double[] bucketCounts = new double[buckets.size()];
    for (int i = 0; i < limits.length; i++) {
      limits[i] = buckets.get(i)[0];
      bucketCounts[i] = buckets.get(i)[1];
    }
    return new Histogram(Math.max(min, 0), max, num, sum, squares, limits, bucketCounts);
  }
}
