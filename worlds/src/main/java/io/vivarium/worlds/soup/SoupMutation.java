package io.vivarium.worlds.soup;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * cubff's background mutation with the JDK Vector API: byte {@code i} of pair {@code k} is
 * replaced by the low byte of {@code r = splitMix64((size * seedE + k) * 128 + i)} when bits
 * 8..37 of {@code r} are below the probability. All 128 numbers of a pair are computed a vector
 * of longs at a time (SplitMix64 is two multiplications and three shifts); only the few bytes
 * that mutate (about one pair in 32 has one) are then written. Bytes equal {@link Soup}'s scalar
 * loop. Loaded only when {@code jdk.incubator.vector} is present.
 *
 * <p>Stateless and thread-safe.
 */
final class SoupMutation {
  private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long[] IOTA = new long[LANES];

  static {
    for (int i = 0; i < LANES; i++) {
      IOTA[i] = i;
    }
  }

  private SoupMutation() {}

  /** True when the preferred vector shape has at least 4 longs and divides a pair. */
  static boolean usable() {
    return LANES >= 4 && Bff.PAIR % LANES == 0;
  }

  /** Mutates pairs [from, to) of soup in place (see the class comment). */
  static void mutate(byte[] soup, int[] first, int[] second, int from, int to, long size, long seedE,
      long prob) {
    LongVector iota = LongVector.fromArray(SPECIES, IOTA, 0);
    for (int k = from; k < to; k++) {
      long base = (size * seedE + k) * Bff.PAIR;
      for (int i = 0; i < Bff.PAIR; i += LANES) {
        LongVector z = iota.add(base + i + GOLDEN);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        long hits = z.lanewise(VectorOperators.LSHR, 8).and(SoupOptions.MUTATION_ONE - 1L)
            .compare(VectorOperators.LT, prob).toLong();
        while (hits != 0) {
          int lane = Long.numberOfTrailingZeros(hits);
          hits &= hits - 1;
          int at = i + lane;
          int tape = at < Bff.TAPE ? first[k] : second[k];
          soup[tape * Bff.TAPE + (at & (Bff.TAPE - 1))] = (byte) SoupRandom.splitMix64(base + at);
        }
      }
    }
  }
}
