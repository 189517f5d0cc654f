package io.vivarium.core;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from one root seed ({@code colony.seed}).
 *
 * <p>Streams are named rather than split in sequence, so adding a stream never shifts the
 * others: {@code derive(root, "agent", 7)} is the same whatever else was derived before. The
 * mixing is SplitMix64's finaliser over the root, a hash of the label and the index.
 *
 * <p>Stateless and thread-safe.
 */
public final class Seeds {
  private Seeds() {}

  /** A seed for the stream named {@code label} number {@code index} under {@code root}. */
  public static long derive(long root, String label, long index) {
    return at(stream(root, label), index);
  }

  /**
   * The part of {@link #derive(long, String, long)} that depends on the root and the label
   * only, so that hot loops can derive numbered seeds without hashing the label each time:
   * {@code at(stream(root, label), i) == derive(root, label, i)}.
   */
  public static long stream(long root, String label) {
    long h = root;
    for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    return h;
  }

  /** Seed number {@code index} of a {@link #stream(long, String) stream}; never allocates. */
  public static long at(long stream, long index) {
    return mix(stream ^ mix(index + 0x9E3779B97F4A7C15L));
  }

  /** A seed for the stream named {@code label} under {@code root}. */
  public static long derive(long root, String label) {
    return derive(root, label, 0);
  }

  /** A random generator for the stream named {@code label} number {@code index}. */
  public static SplittableRandom random(long root, String label, long index) {
    return new SplittableRandom(derive(root, label, index));
  }

  /** SplitMix64's output function: a bijective 64-bit mixer. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
