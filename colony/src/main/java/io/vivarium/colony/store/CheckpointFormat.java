package io.vivarium.colony.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The byte layout of a checkpoint file (docs/formats.md). All numbers are big-endian.
 *
 * <pre>
 * offset  size  field
 * 0       4     magic "VVCK"
 * 4       4     format version (2; 1 is still read)
 * 8       2     agent id length A (UTF-8 bytes)
 * 10      A     agent id
 * 10+A    8     step
 * 18+A    8     created, ms since the epoch
 * 26+A    8     fitness (IEEE 754 double)
 * 34+A    32    SHA-256 of the resolved configuration
 * 66+A    8     brain section length N
 * 74+A    32    SHA-256 of the brain section
 * 106+A   8     learner section length L            (version 2 only)
 * 114+A   32    SHA-256 of the learner section      (version 2 only)
 * H-4     4     CRC-32 of bytes [0, H-4); H = 110+A in version 1, 150+A in version 2
 * H       N     brain section
 * H+N     L     learner section (version 2 only; L = 0 when there is none)
 * </pre>
 *
 * The header CRC lets a reader reject a damaged header before trusting its lengths; each
 * section has its own SHA-256, so a damaged learner section spares the brain.
 */
final class CheckpointFormat {
  static final int MAGIC = 0x5656434B; // "VVCK"
  static final int VERSION = 2;
  /** The previous version: the brain section only. */
  static final int VERSION_1 = 1;
  private static final int FIXED_1 = 4 + 4 + 2 + 8 + 8 + 8 + 32 + 8 + 32 + 4;
  private static final int FIXED = FIXED_1 + 8 + 32;

  private CheckpointFormat() {}

  static int headerSize(int version, String agent) {
    return (version == VERSION_1 ? FIXED_1 : FIXED) + agent.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The header of version {@code version}; a version-1 header ignores the learner fields. */
  static byte[] header(int version, String agent, long step, long created, double fitness, byte[] configHash,
      long payloadLength, byte[] sha256, long learnerLength, byte[] learnerSha256) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(headerSize(version, agent));
    try (DataOutputStream out = new DataOutputStream(buf)) {
      byte[] id = agent.getBytes(StandardCharsets.UTF_8);
      out.writeInt(MAGIC);
      out.writeInt(version);
      out.writeShort(id.length);
      out.write(id);
      out.writeLong(step);
      out.writeLong(created);
      out.writeDouble(fitness);
      out.write(configHash);
      out.writeLong(payloadLength);
      out.write(sha256);
      if (version != VERSION_1) {
        out.writeLong(learnerLength);
        out.write(learnerSha256);
      }
      CRC32 crc = new CRC32();
      crc.update(buf.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return buf.toByteArray();
  }

  /** Reads and checks the header at the start of {@code in}; throws {@link DamagedException}. */
  static Checkpoint readHeader(Path file, InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    CRC32 crc = new CRC32();
    try {
      int magic = d.readInt();
      if (magic != MAGIC) {
        throw new DamagedException(file, "not a checkpoint (magic " + Integer.toHexString(magic) + ")");
      }
      int version = d.readInt();
      if (version != VERSION && version != VERSION_1) {
        throw new DamagedException(file, "checkpoint format version " + version
            + " is unknown to this vivarium (it reads versions " + VERSION_1 + " and " + VERSION + ")");
      }
      int idLength = d.readUnsignedShort();
      byte[] id = d.readNBytes(idLength);
      long step = d.readLong();
      long created = d.readLong();
      double fitness = d.readDouble();
      byte[] configHash = d.readNBytes(32);
      long length = d.readLong();
      byte[] sha = d.readNBytes(32);
      long learnerLength = version == VERSION_1 ? 0 : d.readLong();
      byte[] learnerSha = version == VERSION_1 ? new byte[32] : d.readNBytes(32);
      int stored = d.readInt();
      String agent = new String(id, StandardCharsets.UTF_8);
      byte[] expected = header(version, agent, step, created, fitness, configHash, length, sha, learnerLength,
          learnerSha);
      crc.update(expected, 0, expected.length - 4);
      if (id.length != idLength || configHash.length != 32 || sha.length != 32 || learnerSha.length != 32
          || stored != (int) crc.getValue()) {
        throw new DamagedException(file, "header checksum mismatch");
      }
      if (length < 0 || learnerLength < 0) {
        throw new DamagedException(file, "negative section length");
      }
      return new Checkpoint(file, agent, step, created, fitness, configHash, length, sha, version, learnerLength,
          learnerSha);
    } catch (java.io.EOFException e) {
      throw new DamagedException(file, "truncated header");
    }
  }

  /** A checkpoint file that must not be loaded, with the reason. */
  static final class DamagedException extends IOException {
    DamagedException(Path file, String reason) {
      super("checkpoint " + file + " is damaged: " + reason);
    }
  }
}
