package io.vivarium.brain;

import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.model.Weights;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * <p>Written to a temporary file, forced to disk and renamed, so a crash never leaves half a
 * file under the final name. Stateless and thread-safe.
 */
public final class BrainFile {
  /** The first eight bytes of every brain file. */
  public static final byte[] MAGIC = "VIVBRAIN".getBytes(StandardCharsets.US_ASCII);
  /** The format version this code writes; it also reads version 1 (without the trained-for section). */
  public static final int VERSION = 2;

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

  /** Writes {@code shape} and {@code parameters} (in layout order) to {@code file}. */
  public static void write(Path file, BrainShape shape, Map<String, float[]> parameters)
      throws IOException {
    write(file, shape, parameters, null);
  }

  /** As {@link #write(Path, BrainShape, Map)}, recording {@code trainedFor} (may be null). */
  public static void write(Path file, BrainShape shape, Map<String, float[]> parameters,
      TrainedFor trainedFor) throws IOException {
    byte[] bytes = toBytes(shape, parameters, trainedFor);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer all = ByteBuffer.wrap(bytes);
        while (all.hasRemaining()) {
          ch.write(all);
        }
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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      byte[] text = shape.describe().getBytes(StandardCharsets.UTF_8);
      out.writeInt(text.length);
      out.write(text);
      byte[] trained = trainedFor == null ? new byte[0]
          : trainedFor.describe().getBytes(StandardCharsets.UTF_8);
      out.writeInt(trained.length);
      out.write(trained);
      Map<String, Shape> layout = Weights.layout(shape);
      out.writeInt(layout.size());
      for (Map.Entry<String, Shape> e : layout.entrySet()) {
        float[] v = parameters.get(e.getKey());
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().dimension());
        for (long d : e.getValue().getShape()) {
          out.writeLong(d);
        }
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4);
        buf.asFloatBuffer().put(v);
        out.write(buf.array());
      }
      out.write(sha256(bytes.toByteArray()));
    }
    return bytes.toByteArray();
  }

  /** Reads and verifies {@code file}; a damaged or foreign file is an IllegalArgumentException. */
  public static Content read(Path file) throws IOException {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(
          "brain file " + file + " does not exist; pass a file written by 'vivarium train' or "
              + "Brain.save", e);
    }
    return fromBytes(all, file.toString());
  }

  /** Parses and verifies brain-file bytes; {@code file} names the source in errors. */
  public static Content fromBytes(byte[] all, String file) {
    if (all.length < MAGIC.length + 4 + 32
        || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException(
          file + " is not a Vivarium brain file (it must start with VIVBRAIN); pass a file "
              + "written by 'vivarium train' or Brain.save");
    }
    ByteBuffer in = ByteBuffer.wrap(all);
    in.position(MAGIC.length);
    int version = in.getInt();
    if (version != 1 && version != VERSION) {
      throw new IllegalArgumentException(
          file + " is a brain file of version " + version + "; this Vivarium reads versions 1 to "
              + VERSION + "; use the Vivarium that wrote it");
    }
    byte[] body = Arrays.copyOf(all, all.length - 32);
    if (!Arrays.equals(sha256(body), Arrays.copyOfRange(all, all.length - 32, all.length))) {
      throw new IllegalArgumentException(
          file + " fails its SHA-256 check: the file is damaged or truncated; restore it from "
              + "a copy");
    }
    try {
      return parse(in, version, file);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + " is malformed: " + e.getMessage(), e);
    }
  }

  private static Content parse(ByteBuffer in, int version, String source) {
    byte[] text = new byte[in.getInt()];
    in.get(text);
    BrainShape shape = BrainShape.parse(new String(text, StandardCharsets.UTF_8), source);
    TrainedFor trainedFor = null;
    if (version >= 2) {
      byte[] trained = new byte[in.getInt()];
      in.get(trained);
      trainedFor = trained.length == 0 ? null
          : TrainedFor.parse(new String(trained, StandardCharsets.UTF_8), source);
    }
    int count = in.getInt();
    Map<String, float[]> params = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int len = Short.toUnsignedInt(in.getShort());
      byte[] name = new byte[len];
      in.get(name);
      int rank = in.getInt();
      long size = 1;
      for (int r = 0; r < rank; r++) {
        size *= in.getLong();
      }
      float[] v = new float[Math.toIntExact(size)];
      in.asFloatBuffer().get(v);
      in.position(in.position() + v.length * 4);
      params.put(new String(name, StandardCharsets.UTF_8), v);
    }
    return new Content(shape, params, trainedFor);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
