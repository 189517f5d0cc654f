package io.vivarium.core.tb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnknownFieldSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Reads event files back record by record as TensorBoard does, independent of the writer: each
 * record's length and payload CRCs are checked with the JDK's CRC-32C and the TFRecord mask
 * written out here, and each {@code Event} is decoded with protobuf-java's generic
 * {@link UnknownFieldSet} (no generated classes). Shared with the colony's and lab's tests.
 */
public final class EventReader {
  private EventReader() {}

  /**
   * One decoded event: wall time, step, file version (first record only), and the summary's one
   * value if any: its tag, its simple value or its histogram (fields as {@code HistogramProto}).
   */
  public record Decoded(double wallTime, long step, String version, String tag, Float simple, UnknownFieldSet histo) {
    /** The histogram's double field {@code field} (1 min, 2 max, 3 num, 4 sum, 5 sum of squares). */
    public double histoNumber(int field) {
      return Double.longBitsToDouble(histo.getField(field).getFixed64List().get(0));
    }

    /** The histogram's packed doubles {@code field} (6 bucket limits, 7 bucket counts). */
    public List<Double> histoPacked(int field) throws IOException {
      ByteString bytes = histo.getField(field).getLengthDelimitedList().get(0);
      CodedInputStream in = bytes.newCodedInput();
      List<Double> out = new ArrayList<>();
      while (!in.isAtEnd()) {
        out.add(in.readDouble());
      }
      return out;
    }
  }

  /** The event files in {@code dir}, sorted by name. */
  public static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).sorted().toList();
    }
  }

  /** The one event file in {@code dir}. */
  public static Path onlyFile(Path dir) throws IOException {
    List<Path> files = files(dir);
    assertThat(files).as("event files in %s", dir).hasSize(1);
    return files.get(0);
  }

  /** Every record of {@code file}, each CRC checked; a torn record fails. */
  public static List<Decoded> read(Path file) throws IOException {
    List<Decoded> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      out.add(record(b));
    }
    return out;
  }

  /** As {@link #read} but stops before a torn last record, as TensorBoard does. */
  public static List<Decoded> readPrefix(Path file) throws IOException {
    List<Decoded> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    while (b.remaining() >= 16 && b.remaining() >= 16 + b.getLong(b.position())) {
      out.add(record(b));
    }
    return out;
  }

  private static Decoded record(ByteBuffer b) throws IOException {
    byte[] len = new byte[8];
    b.get(len);
    assertThat(b.getInt()).as("length CRC").isEqualTo(masked(len));
    long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
    byte[] payload = new byte[(int) n];
    b.get(payload);
    assertThat(b.getInt()).as("payload CRC").isEqualTo(masked(payload));
    UnknownFieldSet event = UnknownFieldSet.parseFrom(payload);
    double wall = Double.longBitsToDouble(event.getField(1).getFixed64List().get(0));
    long step = event.hasField(2) ? event.getField(2).getVarintList().get(0) : 0;
    String version = event.hasField(3) ? event.getField(3).getLengthDelimitedList().get(0).toStringUtf8() : null;
    if (!event.hasField(5)) {
      return new Decoded(wall, step, version, null, null, null);
    }
    UnknownFieldSet summary = UnknownFieldSet.parseFrom(event.getField(5).getLengthDelimitedList().get(0));
    UnknownFieldSet value = UnknownFieldSet.parseFrom(summary.getField(1).getLengthDelimitedList().get(0));
    String tag = value.getField(1).getLengthDelimitedList().get(0).toStringUtf8();
    Float simple = value.hasField(2) ? Float.intBitsToFloat(value.getField(2).getFixed32List().get(0)) : null;
    UnknownFieldSet histo = value.hasField(5)
        ? UnknownFieldSet.parseFrom(value.getField(5).getLengthDelimitedList().get(0)) : null;
    return new Decoded(wall, step, version, tag, simple, histo);
  }

  private static int masked(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }
}
