package io.vivarium.worlds.soup;

/**
 * How a soup is made and run.
 *
 * @param size tapes in the soup, even (tapes run in pairs), at least 2; cubff's default is 2^17
 * @param seed the root seed every random number derives from
 * @param threads threads that run an epoch's pairs, at least 1 (the bytes do not depend on it)
 * @param mutationProb chance per byte and epoch that a byte is replaced by a random one, in units
 *     of 2^-30, in [0, 2^30]; cubff's default is 2^18 (1/4096)
 * @param zeroInit start from all-zero tapes instead of random ones (cubff's {@code --zero_init})
 */
public record SoupOptions(int size, long seed, int threads, int mutationProb, boolean zeroInit) {
  /** cubff's default soup size: 2^17 tapes. */
  public static final int DEFAULT_SIZE = 1 << 17;
  /** cubff's default mutation probability: 2^18 / 2^30 per byte. */
  public static final int DEFAULT_MUTATION = 1 << 18;
  /** The unit of {@link #mutationProb}: 2^30. */
  public static final int MUTATION_ONE = 1 << 30;

  public SoupOptions {
    if (size < 2 || size % 2 != 0) {
      throw new IllegalArgumentException("soup size must be an even number of tapes >= 2 (tapes run in pairs); got "
          + size + "; use e.g. 131072");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("soup threads must be >= 1; got " + threads);
    }
    if (mutationProb < 0 || mutationProb > MUTATION_ONE) {
      throw new IllegalArgumentException("soup mutation probability must be in [0, 2^30] (units of 2^-30); got "
          + mutationProb + "; cubff's default is " + DEFAULT_MUTATION);
    }
    if ((long) size * Bff.TAPE > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("soup size " + size + " is too large: the soup is one array of size * 64 "
          + "bytes; use at most " + (Integer.MAX_VALUE / Bff.TAPE - 1) + " tapes");
    }
  }

  /** cubff's defaults for {@code seed}: 2^17 random tapes, mutation 2^18 / 2^30, one thread. */
  public static SoupOptions defaults(long seed) {
    return new SoupOptions(DEFAULT_SIZE, seed, 1, DEFAULT_MUTATION, false);
  }

  /** These options with {@code n} threads. */
  public SoupOptions withThreads(int n) {
    return new SoupOptions(size, seed, n, mutationProb, zeroInit);
  }

  /** These options with {@code n} tapes. */
  public SoupOptions withSize(int n) {
    return new SoupOptions(n, seed, threads, mutationProb, zeroInit);
  }
}
