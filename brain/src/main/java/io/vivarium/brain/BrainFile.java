package io.vivarium.brain;

import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The brain file: one self-contained, checksummed file per brain. Big-endian layout:
 *
 * <pre>
 * magic    8 bytes  "VIVBRAIN"
 * version  int32    2
 * shape    int32 length, UTF-8 key=value lines ({@link BrainShape#describe()})
 * trained  int32 length, UTF-8 key=value lines ({@link TrainedFor#describe()}); length 0 when
 *          the brain records nothing (version 2 on; version 1 files lack the field)
 * count    int32    number of parameters
 * each     UTF name (Java modified UTF-8), int32 rank, int64 dims…, float32 values…
 * sha256   32 bytes over everything before it
 * </pre>
 *
 * <p>Files stream one parameter at a time in both directions, the SHA-256 computed as the bytes
 * pass, so no byte array of the whole brain exists: a reader checks the checksum in a first
 * streaming pass, then parses in a second. Byte arrays ({@link #toBytes}, {@link #fromBytes})
 * remain for small brains (checkpoint payloads) and stop at 2 GiB. Written to a temporary file,
 * forced to disk and renamed, so a crash never leaves half a file under the final name.
 * Stateless and thread-safe.
 */
public final class BrainFile {
  /** The first eight bytes of every brain file. */
  public static final byte[] MAGIC = "VIVBRAIN".getBytes(StandardCharsets.US_ASCII);
  /** The format version this code writes; it also reads version 1 (without the trained-for section). */
  public static final int VERSION = 2;
  /** The longest brain file a byte array holds. */
  public static final long MAX_BYTES = Integer.MAX_VALUE - 16;
  private static final int HEAD = MAGIC.length + 4;
  private static final int SHA = 32;
  private static final int CHUNK = 1 << 16;

  private BrainFile() {}

  /**
   * What a brain file holds.
   *
   * @param trainedFor what the brain was trained for, or {@code null} when the file says nothing
   */
  public record Content(BrainShape shape, Map<String, float[]> parameters, TrainedFor trainedFor) {
    /** Content without a trained-for section. */
    public Content(BrainShape shape, Map<String, float[]> parameters) {
      this(shape, parameters, null);
    }
  }

  /**
   * Builds something from a brain file as it streams: {@code parameters} gives each parameter's
   * values by name, asked in {@link Weights#layout} order (the file's), each exactly once.
   */
  @FunctionalInterface
  public interface Builder<T> {
    T build(BrainShape shape, TrainedFor trainedFor, Function<String, float[]> parameters);
  }

  /** Writes {@code shape} and {@code parameters} (in layout order) to {@code file}. */
  public static void write(Path file, BrainShape shape, Map<String, float[]> parameters)
      throws IOException {
    write(file, shape, parameters, null);
  }

  /** As {@link #write(Path, BrainShape, Map)}, recording {@code trainedFor} (may be null). */
  public static void write(Path file, BrainShape shape, Map<String, float[]> parameters,
      TrainedFor trainedFor) throws IOException {
    write(file, shape, parameters::get, trainedFor);
  }

  /**
   * Writes a brain file whose parameter values {@code parameters} gives by name, asked one at a
   * time in layout order (so only one parameter's values need exist at once).
   */
  public static void write(Path file, BrainShape shape, Function<String, float[]> parameters,
      TrainedFor trainedFor) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        writeTo(Channels.newOutputStream(ch), shape, parameters, trainedFor);
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    try (FileChannel dir = FileChannel.open(parent, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot force a directory; the rename itself is still atomic
    }
  }

  /** The file's bytes for {@code shape} and {@code parameters}, e.g. as a checkpoint payload. */
  public static byte[] toBytes(BrainShape shape, Map<String, float[]> parameters)
      throws IOException {
    return toBytes(shape, parameters, null);
  }

  /** As {@link #toBytes(BrainShape, Map)}, recording {@code trainedFor} (may be null). */
  public static byte[] toBytes(BrainShape shape, Map<String, float[]> parameters,
      TrainedFor trainedFor) throws IOException {
    return toBytes(shape, parameters::get, trainedFor);
  }

  /**
   * The file's bytes, parameters asked by name in layout order; refused above {@link #MAX_BYTES}
   * (write such a brain to a file instead).
   */
  public static byte[] toBytes(BrainShape shape, Function<String, float[]> parameters,
      TrainedFor trainedFor) throws IOException {
    long size = size(shape, trainedFor);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException("a brain of " + shape.parameterCount() + " parameters "
          + "makes a brain file of " + size + " bytes, more than a byte array holds (2 GiB); "
          + "write it to a file with save(file) (BrainFile.write) instead of toBytes");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size);
    writeTo(bytes, shape, parameters, trainedFor);
    return bytes.toByteArray();
  }

  /** The exact length of the brain file of {@code shape} and {@code trainedFor}. */
  public static long size(BrainShape shape, TrainedFor trainedFor) {
    long n = HEAD + 4L + utf8(shape.describe()).length + 4L
        + (trainedFor == null ? 0 : utf8(trainedFor.describe()).length) + 4L;
    for (Map.Entry<String, Shape> e : Weights.layout(shape).entrySet()) {
      n += 2L + utf8(e.getKey()).length + 4L + 8L * e.getValue().dimension()
          + 4L * e.getValue().size();
    }
    return n + SHA;
  }

  private static void writeTo(OutputStream sink, BrainShape shape,
      Function<String, float[]> parameters, TrainedFor trainedFor) throws IOException {
    MessageDigest sha = sha256();
    DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(new DigestOutputStream(sink, sha), CHUNK));
    out.write(MAGIC);
    out.writeInt(VERSION);
    byte[] text = utf8(shape.describe());
    out.writeInt(text.length);
    out.write(text);
    byte[] trained = trainedFor == null ? new byte[0] : utf8(trainedFor.describe());
    out.writeInt(trained.length);
    out.write(trained);
    Map<String, Shape> layout = Weights.layout(shape);
    out.writeInt(layout.size());
    ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4);
    for (Map.Entry<String, Shape> e : layout.entrySet()) {
      float[] v = parameters.apply(e.getKey());
      if (v == null || v.length != e.getValue().size()) {
        throw new IllegalArgumentException("parameter " + e.getKey() + " needs "
            + e.getValue().size() + " values; got " + (v == null ? "none" : v.length));
      }
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().dimension());
      for (long d : e.getValue().getShape()) {
        out.writeLong(d);
      }
      for (int from = 0; from < v.length; from += CHUNK) {
        int n = Math.min(CHUNK, v.length - from);
        buf.clear();
        buf.asFloatBuffer().put(v, from, n);
        out.write(buf.array(), 0, n * 4);
      }
    }
    out.flush();
    sink.write(sha.digest());
    sink.flush();
  }

  /** Reads and verifies {@code file}; a damaged or foreign file is an IllegalArgumentException. */
  public static Content read(Path file) throws IOException {
    return read(file, BrainFile::collect);
  }

  /**
   * Reads and verifies {@code file}, streaming its parameters into {@code builder}: a first pass
   * checks the magic, version and SHA-256, a second parses. A damaged or foreign file is an
   * IllegalArgumentException naming it and the fix.
   */
  public static <T> T read(Path file, Builder<T> builder) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "brain file " + file + " does not exist; pass a file written by 'vivarium train' or "
              + "Brain.save", e);
    }
    int version;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
      byte[] head = in.readNBytes(HEAD);
      version = checkHead(head, size, file.toString());
      MessageDigest sha = sha256();
      sha.update(head);
      byte[] chunk = new byte[CHUNK];
      for (long left = size - SHA - HEAD; left > 0; ) {
        int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
        if (n < 0) {
          throw new EOFException();
        }
        sha.update(chunk, 0, n);
        left -= n;
      }
      checkSha(sha.digest(), in.readNBytes(SHA), file.toString());
    }
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(file), CHUNK))) {
      in.skipNBytes(HEAD);
      return parse(in, version, file.toString(), builder);
    }
  }

  /** Parses and verifies brain-file bytes; {@code file} names the source in errors. */
  public static Content fromBytes(byte[] all, String file) {
    return fromBytes(all, file, BrainFile::collect);
  }

  /** Parses and verifies brain-file bytes into {@code builder}; {@code file} names the source. */
  public static <T> T fromBytes(byte[] all, String file, Builder<T> builder) {
    int version = checkHead(Arrays.copyOf(all, Math.min(all.length, HEAD)), all.length, file);
    MessageDigest sha = sha256();
    sha.update(all, 0, all.length - SHA);
    checkSha(sha.digest(), Arrays.copyOfRange(all, all.length - SHA, all.length), file);
    DataInputStream in = new DataInputStream(
        new ByteArrayInputStream(all, HEAD, all.length - HEAD));
    return parse(in, version, file, builder);
  }

  private static int checkHead(byte[] head, long size, String file) {
    if (size < HEAD + SHA || head.length < HEAD
        || !Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException(
          file + " is not a Vivarium brain file (it must start with VIVBRAIN); pass a file "
              + "written by 'vivarium train' or Brain.save");
    }
    int version = ByteBuffer.wrap(head, MAGIC.length, 4).getInt();
    if (version != 1 && version != VERSION) {
      throw new IllegalArgumentException(
          file + " is a brain file of version " + version + "; this Vivarium reads versions 1 to "
              + VERSION + "; use the Vivarium that wrote it");
    }
    return version;
  }

  private static void checkSha(byte[] computed, byte[] stored, String file) {
    if (!Arrays.equals(computed, stored)) {
      throw new IllegalArgumentException(
          file + " fails its SHA-256 check: the file is damaged or truncated; restore it from "
              + "a copy");
    }
  }

  private static <T> T parse(DataInputStream in, int version, String source, Builder<T> builder) {
    try {
      BrainShape shape = BrainShape.parse(text(in), source);
      TrainedFor trainedFor = null;
      if (version >= 2) {
        String trained = text(in);
        trainedFor = trained.isEmpty() ? null : TrainedFor.parse(trained, source);
      }
      int count = in.readInt();
      int[] taken = {0};
      T built = builder.build(shape, trainedFor, name -> {
        if (taken[0]++ == count) {
          throw new IllegalArgumentException("it holds " + count + " parameters, fewer than the "
              + "shape's " + Weights.layout(shape).size());
        }
        return parameter(in, name);
      });
      if (taken[0] != count) {
        closeQuietly(built);
        throw new IllegalArgumentException("it holds " + count + " parameters but its shape has "
            + taken[0]);
      }
      return built;
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(source + " is malformed: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Object built) {
    if (built instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // the file is refused anyway; the refusal is what the caller needs to see
      }
    }
  }

  private static String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 1 << 20) {
      throw new IllegalArgumentException("a text section claims " + length + " bytes");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** The next parameter's values, which must be {@code expected}'s. */
  private static float[] parameter(DataInputStream in, String expected) {
    try {
      String name = in.readUTF();
      if (!name.equals(expected)) {
        throw new IllegalArgumentException("parameter " + expected + " expected; found " + name);
      }
      int rank = in.readInt();
      long size = 1;
      for (int r = 0; r < rank; r++) {
        size *= in.readLong();
      }
      if (rank < 0 || size < 0 || size > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("parameter " + name + " claims " + size + " values");
      }
      float[] v = new float[(int) size];
      byte[] chunk = new byte[CHUNK * 4];
      for (int from = 0; from < v.length; from += CHUNK) {
        int n = Math.min(CHUNK, v.length - from);
        in.readFully(chunk, 0, n * 4);
        ByteBuffer.wrap(chunk, 0, n * 4).asFloatBuffer().get(v, from, n);
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Content collect(BrainShape shape, TrainedFor trainedFor,
      Function<String, float[]> parameters) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (String name : Weights.layout(shape).keySet()) {
      values.put(name, parameters.apply(name));
    }
    return new Content(shape, values, trainedFor);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
