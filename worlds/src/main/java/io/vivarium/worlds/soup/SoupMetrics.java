package io.vivarium.worlds.soup;

/**
 * cubff's per-epoch measures of a soup.
 *
 * @param epoch epochs run when measured (cubff's "Epochs")
 * @param entropy Shannon entropy of the soup's byte histogram, bits per byte ("H0")
 * @param compressedBytes the soup's compressed size ("Brotli size")
 * @param bitsPerByte {@code compressedBytes * 8 / soup bytes} ("Brotli bpb")
 * @param highOrderEntropy {@code entropy - bitsPerByte} (cubff's "higher entropy"): 0 or below for
 *     random bytes, rising as the soup grows structure a byte histogram does not see
 * @param opsPerPair mean ops per pair over the epochs since the last measure
 * @param opsPerSecond ops per second of wall time over those epochs (cubff's "MOps/s" times 10^6)
 */
public record SoupMetrics(long epoch, double entropy, long compressedBytes, double bitsPerByte,
    double highOrderEntropy, double opsPerPair, double opsPerSecond) {
  public SoupMetrics {
    if (epoch < 0 || compressedBytes < 0 || opsPerPair < 0 || opsPerSecond < 0) {
      throw new IllegalArgumentException("soup metrics must not be negative; got epoch " + epoch + ", compressed "
          + compressedBytes + ", ops/pair " + opsPerPair + ", ops/s " + opsPerSecond);
    }
  }

  /**
   * Measures {@code soup} (bytes as {@link Soup#bytes()}).
   *
   * @param ops ops executed over {@code pairs} pair runs in {@code nanos} of wall time
   */
  public static SoupMetrics of(long epoch, byte[] soup, Compressor compressor, long ops, long pairs, long nanos) {
    double h0 = entropy(soup);
    long size = compressor.size(soup);
    double bpb = size * 8.0 / soup.length;
    return new SoupMetrics(epoch, h0, size, bpb, h0 - bpb, pairs == 0 ? 0 : (double) ops / pairs,
        nanos <= 0 ? 0 : ops * 1e9 / nanos);
  }

  /** Shannon entropy of the byte histogram of {@code data}, in bits per byte. */
  public static double entropy(byte[] data) {
    long[] counts = histogram(data);
    double h = 0;
    for (long c : counts) {
      if (c > 0) {
        double p = (double) c / data.length;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    return h;
  }

  /** How often each byte value occurs in {@code data}. */
  public static long[] histogram(byte[] data) {
    long[] counts = new long[256];
    for (byte b : data) {
      counts[b & 0xFF]++;
    }
    return counts;
  }
}
