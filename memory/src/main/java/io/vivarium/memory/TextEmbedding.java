package io.vivarium.memory;

import java.nio.charset.StandardCharsets;

/**
 * A deterministic text embedding that needs no model: byte n-grams (n = 1 to 4) of the UTF-8
 * text hashed into {@code dimension} signed buckets ("feature hashing"), longer n-grams
 * weighted more, then unit-normalised. Texts sharing many substrings land close together;
 * there is no notion of meaning. It is the fallback the CLI uses to search a memory by text
 * when no brain is at hand, and it only finds entries whose vectors came from this same
 * embedding (facts added with {@code vivarium memory add-fact}, for example), never entries
 * keyed by a brain's {@code embed}. Immutable and thread-safe.
 */
public final class TextEmbedding {
  /** The dimension used for a new memory created from the CLI. */
  public static final int DEFAULT_DIMENSION = 128;
  private static final float[] WEIGHT = {0.25f, 0.5f, 1f, 1f}; // by n - 1

  private final int dimension;

  public TextEmbedding(int dimension) {
    if (dimension < 1 || dimension > MemoryIndex.MAX_DIMENSION) {
      throw new IllegalArgumentException("text embedding dimension must be between 1 and "
          + MemoryIndex.MAX_DIMENSION + "; got " + dimension);
    }
    this.dimension = dimension;
  }

  public int dimension() {
    return dimension;
  }

  public float[] embed(String text) {
    return embed(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The unit vector for {@code bytes}; the empty input maps to the first basis vector. */
  public float[] embed(byte[] bytes) {
    float[] v = new float[dimension];
    for (int n = 1; n <= WEIGHT.length; n++) {
      for (int i = 0; i + n <= bytes.length; i++) {
        long h = hash(bytes, i, n);
        int bucket = (int) Long.remainderUnsigned(h >>> 1, dimension);
        v[bucket] += (h & 1) == 0 ? WEIGHT[n - 1] : -WEIGHT[n - 1];
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    if (norm == 0) {
      v[0] = 1;
      return v;
    }
    return Vectors.normalized(v);
  }

  /** FNV-1a over the n-gram and its length, finished with a 64-bit mixer. */
  private static long hash(byte[] b, int from, int n) {
    long h = 0xcbf29ce484222325L ^ n;
    for (int i = from; i < from + n; i++) {
      h ^= b[i] & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93e1a85ec53L;
    return h ^ (h >>> 33);
  }
}
