package io.vivarium.worlds.soup;

/**
 * cubff's self-replicator test: does a tape, paired with random noise, write copies of itself?
 *
 * <p>The tape is run 13 times, each time followed by different random noise (64 bytes); each run is
 * followed by 4 more generations in which the second half (the would-be child) runs again followed
 * by the same noise. Over the 13 final programs, a byte position of the first half counts when its
 * value is the tape's original byte in at least 4 of them; a position of the second half counts
 * when some value recurs there in at least 4 of them (random noise rarely does). The score is the
 * smaller of the two counts; a tape scoring at least {@link #THRESHOLD} (cubff's 5) is a
 * replicator. Stateless.
 */
public final class SelfRep {
  /** cubff's score at which a tape is a replicator. */
  public static final int THRESHOLD = 5;
  private static final int ITERS = 13;
  private static final int EXTRA_GENERATIONS = 4;

  private SelfRep() {}

  /**
   * The score of {@code tape} (64 bytes) under noise seeded by {@code localSeed}; cubff derives
   * the seed of tape {@code index} at epoch {@code e} as
   * {@code splitMix64(size * seed(e) + index)}, see {@link #localSeed}.
   */
  public static int score(byte[] tape, long localSeed) {
    if (tape.length != Bff.TAPE) {
      throw new IllegalArgumentException("a self-replicator test takes one 64-byte tape; got " + tape.length + " bytes");
    }
    byte[][] finals = new byte[ITERS][];
    for (int it = 0; it < ITERS; it++) {
      byte[] noise = new byte[Bff.TAPE];
      for (int j = 0; j < Bff.TAPE; j++) {
        noise[j] = (byte) SoupRandom.splitMix64(localSeed ^ SoupRandom.splitMix64((it + 1L) * Bff.TAPE + j));
      }
      byte[] p = new byte[Bff.PAIR];
      System.arraycopy(tape, 0, p, 0, Bff.TAPE);
      System.arraycopy(noise, 0, p, Bff.TAPE, Bff.TAPE);
      Bff.run(p, Bff.MAX_STEPS);
      for (int g = 0; g < EXTRA_GENERATIONS; g++) {
        System.arraycopy(p, Bff.TAPE, p, 0, Bff.TAPE);
        System.arraycopy(noise, 0, p, Bff.TAPE, Bff.TAPE);
        Bff.run(p, Bff.MAX_STEPS);
      }
      finals[it] = p;
    }
    int[] halves = new int[2];
    for (int i = 0; i < Bff.PAIR; i++) {
      if (stable(finals, tape, i)) {
        halves[i / Bff.TAPE]++;
      }
    }
    return Math.min(halves[0], halves[1]);
  }

  private static boolean stable(byte[][] finals, byte[] tape, int i) {
    for (int a = 0; a < ITERS; a++) {
      if (i < Bff.TAPE && finals[a][i] != tape[i]) {
        continue;
      }
      int count = 1;
      for (int b = a + 1; b < ITERS; b++) {
        if (finals[a][i] == finals[b][i]) {
          count++;
        }
      }
      if (count > ITERS / 4) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code tape} is a replicator: {@link #score} at least {@link #THRESHOLD}. */
  public static boolean isReplicator(byte[] tape, long localSeed) {
    return score(tape, localSeed) >= THRESHOLD;
  }

  /** cubff's noise seed for tape {@code index} of a soup of {@code size} tapes at epoch {@code epoch}. */
  public static long localSeed(SoupRandom random, long epoch, int size, int index) {
    return SoupRandom.splitMix64(size * random.seed(epoch) + index);
  }
}
