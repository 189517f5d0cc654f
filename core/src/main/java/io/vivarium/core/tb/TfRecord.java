package io.vivarium.core.tb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The TFRecord framing TensorBoard reads: each record is its length as a little-endian uint64,
 * the masked CRC-32C of those 8 bytes, the bytes, and the masked CRC-32C of the bytes. Stateless.
 */
public final class TfRecord {
  /** Bytes a record adds around its payload. */
  public static final int OVERHEAD = 8 + 4 + 4;
  private static final int MASK_DELTA = 0xa282ead8;

  private TfRecord() {}

  /** The CRC-32C of {@code bytes[offset, offset + length)}, masked as TFRecord masks it. */
  public static int maskedCrc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + MASK_DELTA;
  }

  /** One framed record holding {@code payload}. */
  public static byte[] frame(byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(OVERHEAD + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(payload.length);
    b.putInt(maskedCrc(b.array(), 0, 8));
    b.put(payload);
    b.putInt(maskedCrc(payload, 0, payload.length));
    return b.array();
  }
}
