package io.vivarium.worlds.soup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's records: lines, CSV, TensorBoard, checkpoints; a stop and a resume. */
class SoupRunTest {
  @TempDir Path dir;

  private static SoupOptions options() {
    return new SoupOptions(256, 5, 2, SoupOptions.DEFAULT_MUTATION, false);
  }

  @Test
  void aRunWritesItsRecordsAndAStoppedRunResumesToTheSameBytes() throws Exception {
    byte[] straight;
    try (Soup soup = Soup.create(options(), Bff.reference())) {
      for (int e = 0; e < 12; e++) {
        soup.step();
      }
      straight = soup.bytes().clone();
    }
    List<String> lines = new ArrayList<>();
    AtomicInteger polls = new AtomicInteger();
    SoupRun.Settings settings = new SoupRun.Settings(12, 4, 100, 2, dir);
    SoupRun.Summary first;
    try (Soup soup = Soup.create(options(), Bff.reference())) {
      first = SoupRun.run(soup, settings, Compressor.best(), lines::add, Progress.Tracker.NONE,
          () -> polls.incrementAndGet() > 6); // "Ctrl-C" after 6 epochs
    }
    assertThat(first.stopped()).isTrue();
    assertThat(first.epochs()).isEqualTo(6);
    assertThat(lines).hasSize(1).allMatch(l -> l.startsWith("epoch 4 ") && l.contains("high_order_entropy"));
    SoupCheckpoint.Loaded loaded = SoupCheckpoint.load(dir.resolve(SoupRun.CHECKPOINT));
    assertThat(loaded.epoch()).isEqualTo(6);

    try (Soup soup = loaded.resume(Bff.reference(), 1)) {
      SoupRun.Summary second = SoupRun.run(soup, settings, Compressor.best(), lines::add, Progress.Tracker.NONE,
          () -> false);
      assertThat(second.stopped()).isFalse();
      assertThat(second.epochs()).isEqualTo(6);
      assertThat(second.last().epoch()).isEqualTo(12);
      assertThat(soup.bytes()).isEqualTo(straight);
    }
    List<String> csv = Files.readAllLines(dir.resolve(SoupRun.CSV));
    assertThat(csv).hasSize(4);
    assertThat(csv.get(0)).isEqualTo(SoupRun.HEADER);
    assertThat(csv.subList(1, 4)).extracting(l -> l.split(",")[0]).containsExactly("4", "8", "12");
    assertThat(SoupCheckpoint.load(dir.resolve(SoupRun.CHECKPOINT)).epoch()).isEqualTo(12);
    try (var files = Files.list(dir.resolve("runs").resolve("soup"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .anyMatch(n -> n.startsWith("events.out.tfevents."));
    }
  }

  @Test
  void aResumeDropsRowsWrittenAfterItsCheckpoint() throws Exception {
    SoupRun.Settings settings = new SoupRun.Settings(8, 2, 4, 0, dir);
    try (Soup soup = Soup.create(options(), Bff.reference())) {
      SoupRun.run(soup, settings, Compressor.deflate(), l -> { }, Progress.Tracker.NONE, () -> false);
    }
    // as if the process had died after the checkpoint at 4 with rows up to 8 written
    try (Soup soup = Soup.create(options(), Bff.reference())) {
      for (int e = 0; e < 4; e++) {
        soup.step();
      }
      SoupCheckpoint.write(dir.resolve(SoupRun.CHECKPOINT), soup);
    }
    try (Soup soup = SoupCheckpoint.load(dir.resolve(SoupRun.CHECKPOINT)).resume(Bff.reference(), 2)) {
      SoupRun.run(soup, settings, Compressor.deflate(), l -> { }, Progress.Tracker.NONE, () -> false);
    }
    assertThat(Files.readAllLines(dir.resolve(SoupRun.CSV))).extracting(l -> l.split(",")[0])
        .containsExactly("epoch", "2", "4", "6", "8");
  }

  @Test
  void aRunEndsEarlyAtTheEntropyAskedForAndCheckpointsThere() throws Exception {
    SoupRun.Settings settings = new SoupRun.Settings(400, 4, 100, 0, dir, 1e-9); // soon above zero
    SoupRun.Summary s;
    try (Soup soup = Soup.create(options(), Bff.reference())) {
      s = SoupRun.run(soup, settings, Compressor.deflate(), l -> { }, Progress.Tracker.NONE, () -> false);
    }
    assertThat(s.reachedEntropy()).isTrue();
    assertThat(s.stopped()).isFalse();
    assertThat(s.epochs()).isLessThan(400).isEqualTo(s.last().epoch());
    assertThat(s.last().highOrderEntropy()).isGreaterThanOrEqualTo(1e-9);
    List<String> csv = Files.readAllLines(dir.resolve(SoupRun.CSV));
    assertThat(csv.subList(1, csv.size() - 1)).allMatch(row -> Double.parseDouble(row.split(",")[4]) < 1e-9);
    assertThat(SoupCheckpoint.load(dir.resolve(SoupRun.CHECKPOINT)).epoch()).isEqualTo(s.epochs());

    SoupRun.Settings never = new SoupRun.Settings(8, 4, 100, 0, dir.resolve("never"), 8.0);
    try (Soup soup = Soup.create(options(), Bff.reference())) {
      s = SoupRun.run(soup, never, Compressor.deflate(), l -> { }, Progress.Tracker.NONE, () -> false);
    }
    assertThat(s.reachedEntropy()).isFalse();
    assertThat(s.epochs()).isEqualTo(8);
  }

  @Test
  void withFrequentTapesTestedTheRunStopsOnlyAtATakeoverByReplicators() throws Exception {
    SoupRun.Settings young = new SoupRun.Settings(12, 4, 100, 2, dir.resolve("young"), 1e-9);
    SoupRun.Summary s;
    try (Soup soup = Soup.create(options(), Bff.reference())) {
      s = SoupRun.run(soup, young, Compressor.deflate(), l -> { }, Progress.Tracker.NONE, () -> false);
    }
    assertThat(s.reachedEntropy()).as("structure without a replicator goes on").isFalse();
    assertThat(s.epochs()).isEqualTo(12);

    SoupRun.Settings takenOver = new SoupRun.Settings(12, 4, 100, 2, dir.resolve("taken"), 1e-9);
    try (Soup soup = Soup.create(options(), Bff.reference())) {
      byte[] tape = SoupMetricsTest.replicator();
      for (int t = 0; t < soup.options().size(); t++) {
        System.arraycopy(tape, 0, soup.bytes(), t * Bff.TAPE, Bff.TAPE);
      }
      s = SoupRun.run(soup, takenOver, Compressor.deflate(), l -> { }, Progress.Tracker.NONE, () -> false);
    }
    assertThat(s.reachedEntropy()).isTrue();
    assertThat(s.epochs()).isEqualTo(4);
  }

  @Test
  void anEntropyOutsideBitsPerByteIsRefusedWithTheRange() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SoupRun.Settings(8, 4, 4, 0, dir, 9.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 8]").hasMessageContaining("1.0");
  }
}
