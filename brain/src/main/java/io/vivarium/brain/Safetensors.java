package io.vivarium.brain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.core.AtomicFile;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A brain as a safetensors file, the format PyTorch, JAX and Hugging Face read: an 8-byte
 * little-endian header length, a JSON header ({@code {name: {dtype, shape, data_offsets}},
 * "__metadata__": {string: string}}, padded with spaces to a multiple of 8), then each tensor's
 * little-endian float32 values, offsets relative to the data section. Tensors carry the names
 * and shapes of {@link Weights#layout} (docs/brain.md), in that order; the metadata carries the
 * {@link BrainShape} (the brain file's {@code key=value} fields), the {@link TrainedFor} fields and
 * the vocabulary, so the file alone rebuilds the brain ({@code scripts/vivarium_brain.py}).
 *
 * <p>Both directions stream one tensor at a time (a {@code 1b} brain's 4 GB never sits in one
 * array); writes are atomic ({@link AtomicFile}). A file whose tensors do not fit its shape is
 * refused in one line naming the tensor, the expected and the found shape, and the fix.
 * Stateless and thread-safe.
 */
public final class Safetensors {
  /** The metadata's {@code format} value. */
  public static final String FORMAT = "vivarium-brain";
  /** The metadata's {@code format_version} this code writes and reads. */
  public static final String VERSION = "1";
  /** The only dtype of a brain's tensors. */
  public static final String DTYPE = "F32";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_HEADER = 100L << 20;
  private static final int CHUNK = 1 << 16;
  /** The metadata keys that hold the shape (the brain file's shape fields). */
  private static final List<String> SHAPE_KEYS = List.of(
      "layers", "heads", "dim", "block", "patch", "grid", "dropout", "vocab", "channels", "group", "headDim", "mlp");

  private Safetensors() {}

  /** Writes {@code brain}'s weights (under its read lock) to {@code file}. */
  public static void write(TorchBrain brain, Path file) throws IOException {
    try {
      brain.infer(w -> {
        try {
          write(file, brain.shape(), brain.trainedFor().orElse(null), name -> w.get(name).toFloatArray());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Writes a safetensors file of {@code shape} whose values {@code values} gives by name, asked
   * once each in layout order; {@code trainedFor} may be null.
   */
  public static void write(Path file, BrainShape shape, TrainedFor trainedFor, Function<String, float[]> values)
      throws IOException {
    byte[] header = header(shape, trainedFor);
    Map<String, Shape> layout = Weights.layout(shape);
    AtomicFile.write(file, out -> {
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
      out.write(length.array());
      out.write(header);
      for (Map.Entry<String, Shape> e : layout.entrySet()) {
        float[] v = values.apply(e.getKey());
        if (v == null || v.length != e.getValue().size()) {
          throw new IllegalArgumentException("parameter " + e.getKey() + " needs " + e.getValue().size()
              + " values; got " + (v == null ? "none" : v.length));
        }
        writeFloats(out, v);
      }
    });
  }

  /** The file's exact length for {@code shape} and {@code trainedFor}. */
  public static long size(BrainShape shape, TrainedFor trainedFor) {
    return 8L + header(shape, trainedFor).length + 4L * shape.parameterCount();
  }

  /** The {@code __metadata__} of a brain: its shape, what it was trained for, the vocabulary. */
  public static Map<String, String> metadata(BrainShape s, TrainedFor trainedFor) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("format_version", VERSION);
    m.put("preset", s.label());
    m.put("parameters", Long.toString(s.parameterCount()));
    for (String line : s.describe().split("\n")) { // the brain file's shape fields
      int eq = line.indexOf('=');
      m.put(line.substring(0, eq), line.substring(eq + 1));
    }
    m.put("group", Integer.toString(s.group()));
    m.put("headDim", Integer.toString(s.headDim()));
    m.put("mlp", Integer.toString(s.mlp()));
    if (trainedFor != null) {
      m.put("trained_for.world", trainedFor.world());
      m.put("trained_for.preset", trainedFor.preset());
      m.put("trained_for.encoding", trainedFor.encoding());
    }
    StringJoiner channels = new StringJoiner(",");
    for (Channel c : Channel.values()) {
      channels.add(c.key());
    }
    m.put("channel_names", channels.toString());
    m.put("token.pad", Integer.toString(Vocabulary.PAD));
    m.put("token.bos", Integer.toString(Vocabulary.BOS));
    m.put("token.eos", Integer.toString(Vocabulary.EOS));
    m.put("token.sep", Integer.toString(Vocabulary.SEP));
    m.put("token.first_channel_marker", Integer.toString(Vocabulary.FIRST_CHANNEL));
    m.put("layer_norm_eps", "1e-05");
    m.put("activation", "gelu-erf");
    m.put("logits", "tied:tok");
    return m;
  }

  private static byte[] header(BrainShape shape, TrainedFor trainedFor) {
    Map<String, Object> h = new LinkedHashMap<>();
    long offset = 0;
    for (Map.Entry<String, Shape> e : Weights.layout(shape).entrySet()) {
      long end = offset + 4 * e.getValue().size();
      Map<String, Object> t = new LinkedHashMap<>(); // a fixed key order: the same brain, the same bytes
      t.put("dtype", DTYPE);
      t.put("shape", e.getValue().getShape());
      t.put("data_offsets", new long[] {offset, end});
      h.put(e.getKey(), t);
      offset = end;
    }
    h.put("__metadata__", metadata(shape, trainedFor));
    try {
      byte[] json = JSON.writeValueAsBytes(h);
      byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
      Arrays.fill(padded, json.length, padded.length, (byte) ' ');
      return padded;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a safetensors header: " + e.getMessage(), e);
    }
  }

  private static void writeFloats(OutputStream out, float[] v) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int from = 0; from < v.length; from += CHUNK) {
      int n = Math.min(CHUNK, v.length - from);
      buf.clear();
      buf.asFloatBuffer().put(v, from, n);
      out.write(buf.array(), 0, n * 4);
    }
  }

  /** Reads and checks {@code file} whole (small brains; see {@link #read(Path, BrainFile.Builder)}). */
  public static BrainFile.Content read(Path file) throws IOException {
    return read(file, (shape, trainedFor, values) -> {
      Map<String, float[]> m = new LinkedHashMap<>();
      for (String name : Weights.layout(shape).keySet()) {
        m.put(name, values.apply(name));
      }
      return new BrainFile.Content(shape, m, trainedFor);
    });
  }

  /**
   * Reads {@code file}, checks its header against the shape its metadata names (every tensor
   * present, none unknown, float32, the expected shape, inside the file), then streams the
   * tensors into {@code builder} in layout order. A bad file is one IllegalArgumentException line.
   */
  public static <T> T read(Path file, BrainFile.Builder<T> builder) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " does not exist; pass a .safetensors file written by "
          + "'vivarium export-brain' or vivarium_brain.py", e);
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      JsonNode header = header(ch, size, file);
      long data = ch.position(); // the data section starts right after the header
      BrainShape shape = shape(header.path("__metadata__"), file);
      Map<String, long[]> offsets = check(header, shape, size - data, file);
      return builder.build(shape, trainedFor(header.path("__metadata__"), file), name -> {
        long[] at = offsets.get(name);
        return readFloats(ch, data + at[0], Math.toIntExact((at[1] - at[0]) / 4), file);
      });
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getCause().getMessage()
          + "; export the brain again", e);
    }
  }

  private static JsonNode header(FileChannel ch, long size, Path file) throws IOException {
    String notOurs = file + " is not a safetensors file (";
    String fix = "); pass a file written by 'vivarium export-brain' or vivarium_brain.py";
    if (size < 8) {
      throw new IllegalArgumentException(notOurs + "shorter than its 8-byte header length" + fix);
    }
    ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, len, 0);
    long n = len.flip().getLong();
    if (n < 2 || n > MAX_HEADER || n > size - 8) {
      throw new IllegalArgumentException(notOurs + "its header claims " + n + " bytes of a " + size + "-byte file" + fix);
    }
    ByteBuffer text = ByteBuffer.allocate((int) n);
    readFully(ch, text, 8);
    ch.position(8 + n);
    try {
      JsonNode h = JSON.readTree(new String(text.array(), StandardCharsets.UTF_8));
      if (h == null || !h.isObject()) {
        throw new IllegalArgumentException(notOurs + "its header is not a JSON object" + fix);
      }
      return h;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(notOurs + "its header is not JSON: " + e.getOriginalMessage() + fix, e);
    }
  }

  private static BrainShape shape(JsonNode meta, Path file) {
    String fix = "; a brain's safetensors file carries its shape in __metadata__ (" + String.join(", ", SHAPE_KEYS)
        + "): write it with 'vivarium export-brain' or vivarium_brain.py save()";
    if (!meta.isObject()) {
      throw new IllegalArgumentException(file + " has no __metadata__" + fix);
    }
    if (!FORMAT.equals(meta.path("format").asText()) || !VERSION.equals(meta.path("format_version").asText())) {
      throw new IllegalArgumentException(file + "'s __metadata__ says format '" + meta.path("format").asText()
          + "' version '" + meta.path("format_version").asText() + "'; this Vivarium reads format '" + FORMAT
          + "' version " + VERSION + fix);
    }
    StringBuilder lines = new StringBuilder();
    for (String key : SHAPE_KEYS) {
      if (!meta.path(key).isTextual()) {
        throw new IllegalArgumentException(file + "'s __metadata__ lacks '" + key + "' (a string)" + fix);
      }
      lines.append(key).append('=').append(meta.path(key).asText()).append('\n');
    }
    return BrainShape.parse(lines.toString(), file.toString());
  }

  private static TrainedFor trainedFor(JsonNode meta, Path file) {
    String world = meta.path("trained_for.world").asText("");
    if (world.isEmpty()) {
      return null;
    }
    try {
      return new TrainedFor(world, meta.path("trained_for.preset").asText(""), meta.path("trained_for.encoding").asText(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + "'s __metadata__ has a trained_for.world but " + e.getMessage()
          + "; give trained_for.world, .preset and .encoding together, or none", e);
    }
  }

  /** Each tensor's data offsets, after checking the header's tensors against {@code shape}'s layout. */
  private static Map<String, long[]> check(JsonNode header, BrainShape shape, long dataBytes, Path file) {
    Map<String, Shape> layout = Weights.layout(shape);
    String brain = "a " + shape.label() + " brain (its __metadata__)";
    for (Iterator<String> it = header.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("__metadata__") && !layout.containsKey(name)) {
        throw new IllegalArgumentException(file + ": unknown tensor '" + name + "' (shape "
            + header.path(name).path("shape") + "); " + brain + " has only the tensors of docs/brain.md; "
            + "remove it or rename it to one of them");
      }
    }
    Map<String, long[]> offsets = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : layout.entrySet()) {
      String name = e.getKey();
      String expected = Arrays.toString(e.getValue().getShape());
      JsonNode t = header.path(name);
      if (!t.isObject()) {
        throw new IllegalArgumentException(file + ": tensor '" + name + "' is missing; " + brain + " needs it with shape "
            + expected + " (float32); add it, or fix the shape in __metadata__");
      }
      String dtype = t.path("dtype").asText("none");
      if (!dtype.equals(DTYPE)) {
        throw new IllegalArgumentException(file + ": tensor '" + name + "' has dtype " + dtype + " but " + brain
            + " needs " + DTYPE + " with shape " + expected + "; convert it to float32 (tensor.float()) before saving");
      }
      long[] found = longs(t.path("shape"));
      if (found == null || !Arrays.equals(found, e.getValue().getShape())) {
        throw new IllegalArgumentException(file + ": tensor '" + name + "' has shape "
            + (found == null ? t.path("shape").toString() : Arrays.toString(found)) + " but " + brain + " needs "
            + expected + "; export it from a brain of that shape, or fix the shape in __metadata__");
      }
      long[] at = longs(t.path("data_offsets"));
      if (at == null || at.length != 2 || at[0] < 0 || at[1] - at[0] != 4 * e.getValue().size() || at[1] > dataBytes) {
        throw new IllegalArgumentException(file + ": tensor '" + name + "' has data_offsets " + t.path("data_offsets")
            + ", not " + 4 * e.getValue().size() + " bytes inside the " + dataBytes + "-byte data section; "
            + "the file is truncated or damaged: export it again");
      }
      offsets.put(name, at);
    }
    return offsets;
  }

  private static long[] longs(JsonNode array) {
    if (!array.isArray()) {
      return null;
    }
    List<Long> v = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.canConvertToLong() || !n.isIntegralNumber()) {
        return null;
      }
      v.add(n.asLong());
    }
    return v.stream().mapToLong(Long::longValue).toArray();
  }

  private static float[] readFloats(FileChannel ch, long at, int n, Path file) {
    float[] v = new float[n];
    ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4).order(ByteOrder.LITTLE_ENDIAN);
    try {
      for (int from = 0; from < n; from += CHUNK) {
        int k = Math.min(CHUNK, n - from);
        buf.clear().limit(k * 4);
        readFully(ch, buf, at + 4L * from);
        buf.flip().asFloatBuffer().get(v, from, k);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return v;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    long pos = at;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new EOFException("the file ends at byte " + pos);
      }
      pos += n;
    }
  }
}
