package io.vivarium.worlds.soup;

import io.vivarium.core.Seeds;

/**
 * The soup's randomness: cubff's counter-based scheme, so that a soup's bytes are cubff's for the
 * same seed and size. Every random number is {@code splitMix64(x)} of a position {@code x} derived
 * from the root seed: it is the first {@code nextLong()} of {@code new SplittableRandom(x)}
 * ({@link Seeds#mix} after one golden-ratio step), computed without allocating. Nothing is
 * drawn in sequence, so any epoch, pair or byte has its numbers whatever ran before it, on
 * whatever thread — the RNG "position" of a soup is its epoch count.
 *
 * <p>Immutable and thread-safe.
 */
public final class SoupRandom {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final long rootHash;

  /** The scheme for root seed {@code seed}. */
  public SoupRandom(long seed) {
    this.rootHash = splitMix64(seed);
  }

  /** SplitMix64 of {@code x}: {@code new SplittableRandom(x).nextLong()}. */
  public static long splitMix64(long x) {
    return Seeds.mix(x + GOLDEN);
  }

  /** The seed for stream {@code index} (cubff's {@code seed(index)}): index 0 draws the soup. */
  public long seed(long index) {
    return splitMix64(rootHash ^ splitMix64(index));
  }

  /** Fills {@code soup} with the initial random bytes of a soup of {@code size} tapes. */
  public void initial(byte[] soup, int size) {
    long base = (long) Bff.TAPE * size * seed(0);
    for (int j = 0; j < soup.length; j++) {
      soup[j] = (byte) splitMix64(base + j);
    }
  }

  /**
   * Epoch {@code epoch}'s random pairing of {@code size} tapes: a Fisher-Yates permutation whose
   * swap {@code i} draws from {@code seed(epoch * size + i)}; pair {@code k} is entries
   * {@code 2k, 2k+1}.
   */
  public int[] permutation(long epoch, int size) {
    int[] s = new int[size];
    for (int i = 0; i < size; i++) {
      s[i] = i;
    }
    for (int i = size - 1; i >= 0; i--) {
      int j = (int) Long.remainderUnsigned(splitMix64(seed(epoch * size + i)), i + 1L);
      int t = s[i];
      s[i] = s[j];
      s[j] = t;
    }
    return s;
  }
}
