package io.vivarium.worlds.soup;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The three position masks of a 128-byte BFF program (instructions, {@code [}, {@code ]}) with
 * the JDK Vector API: each 64-byte tape is compared a vector at a time and the comparison masks
 * become bits directly. Loaded only when the {@code jdk.incubator.vector} module is present
 * ({@link BffFast} falls back to a table loop otherwise).
 *
 * <p>Stateless and thread-safe.
 */
final class BffMasks {
  private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private BffMasks() {}

  /** True when the preferred vector shape divides a tape (16, 32 or 64 bytes). */
  static boolean usable() {
    return LANES >= 16 && Bff.TAPE % LANES == 0;
  }

  /**
   * Writes into out[0..5] the masks of program bytes 0..63 and 64..127: instructions lo, hi,
   * '[' lo, hi, ']' lo, hi.
   */
  static void compute(byte[] program, long[] out) {
    for (int half = 0; half < 2; half++) {
      long ins = 0;
      long open = 0;
      long close = 0;
      for (int at = 0; at < Bff.TAPE; at += LANES) {
        ByteVector v = ByteVector.fromArray(SPECIES, program, half * Bff.TAPE + at);
        // + , - . are the four bytes 0x2B..0x2E: (v - 0x2B) & ~3 == 0 exactly for them
        VectorMask<Byte> isOpen = v.eq((byte) '[');
        VectorMask<Byte> isClose = v.eq((byte) ']');
        VectorMask<Byte> any = v.sub((byte) '+').and((byte) ~3).eq((byte) 0)
            .or(v.eq((byte) '<')).or(v.eq((byte) '>'))
            .or(v.eq((byte) '{')).or(v.eq((byte) '}'))
            .or(isOpen).or(isClose);
        ins |= any.toLong() << at;
        open |= isOpen.toLong() << at;
        close |= isClose.toLong() << at;
      }
      out[half] = ins;
      out[2 + half] = open;
      out[4 + half] = close;
    }
  }
}
