package io.vivarium.bus;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * How often an agent has emitted each byte value: the 256-entry histogram that seed 000's
 * transformers exchanged to compute a shared entropy. The colony sends the counts of one
 * interval (the bytes emitted since the agent's previous message); {@code step} says where the
 * interval ended.
 *
 * <p>Wire format (big-endian, 2,064 bytes): magic {@code "VBCN"}, u16 version 1, u16 zero,
 * i64 step, then 256 × i64 counts. Immutable and thread-safe.
 *
 * @param step the agent's step when the counts were taken, at least 0
 * @param counts 256 non-negative counts, index = byte value (copied; never mutate it)
 */
public record ByteCounts(long step, long[] counts) {
  /** The four magic bytes "VBCN". */
  public static final int MAGIC = 0x5642434E;
  /** The only format version this code reads and writes. */
  public static final int VERSION = 1;
  /** Encoded size in bytes. */
  public static final int SIZE = 4 + 2 + 2 + 8 + 256 * 8;

  public ByteCounts {
    Objects.requireNonNull(counts, "counts");
    if (step < 0) {
      throw new IllegalArgumentException("byte counts step must be >= 0; got " + step);
    }
    if (counts.length != 256) {
      throw new IllegalArgumentException(
          "byte counts must have 256 entries, one per byte value; got " + counts.length);
    }
    counts = counts.clone();
    for (int b = 0; b < 256; b++) {
      if (counts[b] < 0) {
        throw new IllegalArgumentException(
            "byte counts must be >= 0; got " + counts[b] + " for byte " + b);
      }
    }
  }

  /** The counts of the bytes in {@code data}, at {@code step}. */
  public static ByteCounts of(long step, byte[] data) {
    long[] c = new long[256];
    for (byte b : data) {
      c[b & 0xFF]++;
    }
    return new ByteCounts(step, c);
  }

  /** The count for byte value {@code b} (0–255). */
  public long count(int b) {
    return counts[b];
  }

  /** The sum of all counts. */
  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }

  /** The wire form. */
  public byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(SIZE);
    out.putInt(MAGIC).putShort((short) VERSION).putShort((short) 0).putLong(step);
    for (long c : counts) {
      out.putLong(c);
    }
    return out.array();
  }

  /** Reads the wire form; anything else is an IllegalArgumentException naming the fault. */
  public static ByteCounts decode(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "byte counts payload must be " + SIZE + " bytes (magic VBCN, version, step, 256 counts);"
              + " got " + bytes.length);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int magic = in.getInt();
    if (magic != MAGIC) {
      throw new IllegalArgumentException(
          "byte counts payload must start with magic VBCN; got 0x" + Integer.toHexString(magic));
    }
    int version = Short.toUnsignedInt(in.getShort());
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "byte counts format version " + version + " is unknown; this build reads version "
              + VERSION);
    }
    in.getShort();
    long step = in.getLong();
    long[] counts = new long[256];
    for (int b = 0; b < 256; b++) {
      counts[b] = in.getLong();
    }
    return new ByteCounts(step, counts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteCounts other && step == other.step
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(step) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "ByteCounts[step=" + step + ", total=" + total() + "]";
  }
}
