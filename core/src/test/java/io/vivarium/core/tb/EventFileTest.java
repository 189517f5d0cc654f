package io.vivarium.core.tb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads written event files back record by record, as TensorBoard does: each record's length and
 * payload CRCs are checked with the JDK's CRC-32C and the TFRecord mask written out here, and
 * each {@code Event} is decoded with protobuf-java's generic {@link UnknownFieldSet} (no
 * generated classes, nothing shared with the encoder).
 */
class EventFileTest {
  @TempDir Path dir;

  /** One decoded event: wall time, step, file version, and the summary's one value if any. */
  record Decoded(double wallTime, long step, String version, String tag, Float simple, UnknownFieldSet histo) {}

  @Test
  void scalarsAndHistogramsReadBackWithValidCrcs() throws IOException {
    long[] counts = new long[256];
    counts[3] = 5;
    counts[4] = 2;
    counts[200] = 1;
    try (Runs runs = new Runs(dir.resolve("runs"), 60_000)) {
      runs.scalar("a0001", "return", 32, 0.75, 1_700_000_000_000L);
      runs.scalar("a0001", "loss", 32, -1.5, 1_700_000_000_500L);
      runs.histogram("a0001", "actions", 64, Histogram.ofBytes(counts), 1_700_000_001_000L);
      runs.scalar("colony", "population", 7, 8, 1_700_000_002_000L);
      assertThat(runs.records()).isEqualTo(6); // 2 file versions + 4 values
    }
    List<Decoded> agent = read(onlyFile(dir.resolve("runs/a0001")));
    assertThat(agent).hasSize(4);
    assertThat(agent.get(0).version()).isEqualTo("brain.Event:2");
    assertThat(agent.get(1)).extracting(Decoded::tag, Decoded::step, Decoded::simple, Decoded::wallTime)
        .containsExactly("return", 32L, 0.75f, 1_700_000_000.0);
    assertThat(agent.get(2)).extracting(Decoded::tag, Decoded::step, Decoded::simple).containsExactly("loss", 32L,
        -1.5f);
    Decoded h = agent.get(3);
    assertThat(h.tag()).isEqualTo("actions");
    assertThat(h.step()).isEqualTo(64);
    assertThat(fixed(h.histo(), 1)).isEqualTo(3.0); // min
    assertThat(fixed(h.histo(), 2)).isEqualTo(200.0); // max
    assertThat(fixed(h.histo(), 3)).isEqualTo(8.0); // num
    assertThat(fixed(h.histo(), 4)).isEqualTo(3 * 5 + 4 * 2 + 200.0); // sum
    assertThat(fixed(h.histo(), 5)).isEqualTo(9 * 5 + 16 * 2 + 40_000.0); // sum of squares
    // the empty bucket before each full one keeps the edges: (1.5, 2.5] empty, (2.5, 3.5] 5, …
    assertThat(packed(h.histo(), 6)).containsExactly(2.5, 3.5, 4.5, 199.5, 200.5);
    assertThat(packed(h.histo(), 7)).containsExactly(0.0, 5.0, 2.0, 0.0, 1.0);
    List<Decoded> colony = read(onlyFile(dir.resolve("runs/colony")));
    assertThat(colony.get(1)).extracting(Decoded::tag, Decoded::step, Decoded::simple)
        .containsExactly("population", 7L, 8.0f);
  }

  @Test
  void fileNameIsTheOneTensorBoardLooksFor() throws IOException {
    try (EventFile f = new EventFile(dir, 1000)) {
      String name = f.path().getFileName().toString();
      assertThat(name).matches("events\\.out\\.tfevents\\.\\d{10}\\.[A-Za-z0-9.-]+\\." + ProcessHandle.current().pid()
          + "\\.\\d+");
    }
  }

  @Test
  void aCrashLeavesAReadablePrefix() throws IOException {
    Path file;
    try (EventFile f = new EventFile(dir, 0)) { // every record handed to the system at once
      f.scalar("x", 1, 1, 0);
      f.scalar("x", 2, 2, 0);
      file = f.path();
      // another process reads while the writer is still open
      assertThat(read(file)).extracting(Decoded::step).containsExactly(0L, 1L, 2L);
    }
    byte[] all = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(all, all.length - 3)); // a torn last record
    assertThat(readPrefix(file)).extracting(Decoded::step).containsExactly(0L, 1L);
  }

  @Test
  void csvRowsBecomeScalarsAtTheStepColumn() throws IOException {
    Path file;
    try (CsvBoard b = new CsvBoard(dir.resolve("curve"), "phase,env_steps,mean_return,loss", "env_steps")) {
      b.row("ppo,128,0.5,2.25");
      b.row("ppo,256,0.75,NaN");
      file = b.path();
      assertThatThrownBy(() -> b.row("ppo,1")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs 4 cells");
    }
    List<Decoded> d = read(file);
    assertThat(d).extracting(Decoded::tag).containsExactly(null, "mean_return", "loss", "mean_return");
    assertThat(d).extracting(Decoded::step).containsExactly(0L, 128L, 128L, 256L);
    assertThat(d.get(2).simple()).isEqualTo(2.25f);
  }

  @Test
  void badRunNamesAndHistogramsAreRefusedByName() {
    try (Runs runs = new Runs(dir, 0)) {
      assertThatThrownBy(() -> runs.scalar("../x", "t", 0, 0, 0)).hasMessageContaining("run name must match");
    }
    assertThatThrownBy(() -> new Histogram(0, 1, 1, 1, 1, new double[] {1, 1}, new double[] {0, 1}))
        .hasMessageContaining("limits must increase");
  }

  // -- an independent reader -------------------------------------------------------------------

  private static Path onlyFile(Path runDir) throws IOException {
    try (Stream<Path> s = Files.list(runDir)) {
      List<Path> files = s.toList();
      assertThat(files).hasSize(1);
      return files.get(0);
    }
  }

  private static List<Decoded> read(Path file) throws IOException {
    List<Decoded> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      out.add(record(b));
    }
    return out;
  }

  /** As {@link #read} but stops at a torn record, as TensorBoard does. */
  private static List<Decoded> readPrefix(Path file) throws IOException {
    List<Decoded> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    while (b.remaining() >= 12 && b.remaining() >= 16 + b.getLong(b.position())) {
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

  private static double fixed(UnknownFieldSet m, int field) {
    return Double.longBitsToDouble(m.getField(field).getFixed64List().get(0));
  }

  private static List<Double> packed(UnknownFieldSet m, int field) throws IOException {
    ByteString bytes = m.getField(field).getLengthDelimitedList().get(0);
    CodedInputStream in = bytes.newCodedInput();
    List<Double> out = new ArrayList<>();
    while (!in.isAtEnd()) {
      out.add(in.readDouble());
    }
    return out;
  }
}
