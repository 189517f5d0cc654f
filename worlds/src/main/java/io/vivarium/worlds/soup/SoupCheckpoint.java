package io.vivarium.worlds.soup;

import io.vivarium.core.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A soup on disk: its options (seed, size, mutation, initialisation), its epoch — which is its
 * RNG position, since every random number derives from the seed and the epoch — and its bytes,
 * followed by a CRC-32C of everything before it. Written atomically ({@link AtomicFile}); a
 * truncated or altered file is refused on load, naming the file. Resuming gives the same bytes as
 * an uninterrupted run. Stateless.
 *
 * <p>Layout (big-endian): magic {@code VSOUP001}, seed (8), size (4), mutation (4), zero-init
 * (1), epoch (8), {@code size * 64} bytes, CRC-32C (8).
 */
public final class SoupCheckpoint {
  private static final byte[] MAGIC = {'V', 'S', 'O', 'U', 'P', '0', '0', '1'};
  private static final int HEADER = MAGIC.length + 8 + 4 + 4 + 1 + 8;

  private SoupCheckpoint() {}

  /**
   * What a checkpoint holds.
   *
   * @param options the soup's options, with one thread (threads are not part of a soup's state)
   * @param epoch epochs run
   * @param bytes the soup's bytes
   */
  public record Loaded(SoupOptions options, long epoch, byte[] bytes) {
    public Loaded {
      if (epoch < 0 || bytes.length != options.size() * Bff.TAPE) {
        throw new IllegalArgumentException("a soup checkpoint needs epoch >= 0 and size * 64 bytes; got epoch "
            + epoch + " and " + bytes.length + " bytes for " + options.size() + " tapes");
      }
    }

    /** The soup, resumed with {@code threads} threads and {@code engine}; it takes over the bytes. */
    public Soup resume(PairEngine engine, int threads) {
      return Soup.resume(options.withThreads(threads), engine, epoch, bytes);
    }
  }

  /** Writes {@code soup} to {@code file} atomically. */
  public static void write(Path file, Soup soup) throws IOException {
    SoupOptions o = soup.options();
    byte[] bytes = soup.bytes();
    AtomicFile.write(file, out -> {
      CRC32C crc = new CRC32C();
      DataOutputStream data = new DataOutputStream(out);
      ByteArrayOutputStream head = new ByteArrayOutputStream(HEADER);
      DataOutputStream h = new DataOutputStream(head);
      h.write(MAGIC);
      h.writeLong(o.seed());
      h.writeInt(o.size());
      h.writeInt(o.mutationProb());
      h.writeBoolean(o.zeroInit());
      h.writeLong(soup.epoch());
      byte[] header = head.toByteArray();
      crc.update(header);
      crc.update(bytes);
      data.write(header);
      data.write(bytes);
      data.writeLong(crc.getValue());
      data.flush();
    });
  }

  /** Reads and verifies {@code file}; one-line errors name the file, what is wrong and what to do. */
  public static Loaded load(Path file) throws IOException {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no soup checkpoint at " + file + "; run without --resume to start a new soup");
    }
    if (all.length < HEADER + 8 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalArgumentException(file + " is not a soup checkpoint (no VSOUP001 header); "
          + "point --out at the directory of a soup run or start a new one");
    }
    CRC32C crc = new CRC32C();
    crc.update(all, 0, all.length - 8);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
    in.skipNBytes(MAGIC.length);
    long seed = in.readLong();
    int size = in.readInt();
    int mutation = in.readInt();
    boolean zero = in.readBoolean();
    long epoch = in.readLong();
    if (size < 2 || (long) size * Bff.TAPE + HEADER + 8 != all.length) {
      throw new IllegalArgumentException(file + " is truncated or damaged: " + all.length + " bytes for " + size
          + " tapes; restore it from a copy or start a new soup");
    }
    byte[] bytes = new byte[size * Bff.TAPE];
    in.readFully(bytes);
    if (in.readLong() != crc.getValue()) {
      throw new IllegalArgumentException(file + " fails its checksum (the file was altered or damaged); "
          + "restore it from a copy or start a new soup");
    }
    return new Loaded(new SoupOptions(size, seed, 1, mutation, zero), epoch, bytes);
  }
}
