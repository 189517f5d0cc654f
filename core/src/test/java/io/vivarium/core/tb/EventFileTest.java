package io.vivarium.core.tb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static io.vivarium.core.tb.EventReader.onlyFile;
import static io.vivarium.core.tb.EventReader.read;
import static io.vivarium.core.tb.EventReader.readPrefix;

import io.vivarium.core.tb.EventReader.Decoded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Written event files read back record by record by {@link EventReader} (CRCs checked, each
 * {@code Event} decoded with protobuf-java's generic {@code UnknownFieldSet}, nothing shared with
 * the encoder): tags, steps, values, histograms, file names, a torn last record, CSV curves.
 */
class EventFileTest {
  @TempDir Path dir;

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
    assertThat(h.histoNumber(1)).isEqualTo(3.0); // min
    assertThat(h.histoNumber(2)).isEqualTo(200.0); // max
    assertThat(h.histoNumber(3)).isEqualTo(8.0); // num
    assertThat(h.histoNumber(4)).isEqualTo(3 * 5 + 4 * 2 + 200.0); // sum
    assertThat(h.histoNumber(5)).isEqualTo(9 * 5 + 16 * 2 + 40_000.0); // sum of squares
    // the empty bucket before each full one keeps the edges: (1.5, 2.5] empty, (2.5, 3.5] 5, …
    assertThat(h.histoPacked(6)).containsExactly(2.5, 3.5, 4.5, 199.5, 200.5);
    assertThat(h.histoPacked(7)).containsExactly(0.0, 5.0, 2.0, 0.0, 1.0);
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
  void aLoneValueReachesTheFileWithinTheFlushIntervalWithoutAnotherWrite() throws Exception {
    try (Runs runs = new Runs(dir.resolve("lone"), 50)) {
      runs.scalar("a0001", "return", 7, 1.25, 0);
      Path file = onlyFile(dir.resolve("lone/a0001"));
      long deadline = System.nanoTime() + 30_000_000_000L; // generous: the machine may be busy
      while (readPrefix(file).size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(readPrefix(file)).extracting(Decoded::tag, Decoded::step).containsExactly(
          org.assertj.core.groups.Tuple.tuple(null, 0L), org.assertj.core.groups.Tuple.tuple("return", 7L));
    }
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
}
