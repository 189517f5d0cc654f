package io.vivarium.colony.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  @TempDir Path dir;
  private static final byte[] CONFIG = new byte[32];

  private CheckpointStore store() {
    return new CheckpointStore(dir.resolve("checkpoints"));
  }

  @Test
  void writeThenReadGivesTheSameBytes() throws Exception {
    CheckpointStore s = store();
    byte[] payload = "brain weights".getBytes();
    Checkpoint c = s.write("a0001", 120, 0.75, CONFIG, payload);
    assertThat(c.file().getFileName().toString()).isEqualTo("a0001-000000000120.vck");
    assertThat(s.read(c)).isEqualTo(payload);
    Checkpoint listed = s.list("a0001").get(0);
    assertThat(listed.step()).isEqualTo(120);
    assertThat(listed.fitness()).isEqualTo(0.75);
    assertThat(listed.sha256Hex()).isEqualTo(c.sha256Hex());
    assertThat(Files.size(c.file())).isEqualTo(c.fileSize());
  }

  @Test
  void aDamagedPayloadIsReportedAndThePreviousOneLoads() throws Exception {
    CheckpointStore s = store();
    s.write("a0001", 1, 0.1, CONFIG, new byte[] {1, 2, 3});
    Checkpoint newest = s.write("a0001", 2, 0.2, CONFIG, new byte[] {4, 5, 6});
    try (RandomAccessFile f = new RandomAccessFile(newest.file().toFile(), "rw")) {
      f.seek(f.length() - 1);
      f.write(99); // flip the last payload byte
    }
    assertThat(s.verify(newest)).get().asString().contains("SHA-256 mismatch");
    List<CheckpointStore.Damaged> damaged = new ArrayList<>();
    CheckpointStore.Loaded loaded = s.latest("a0001", damaged::add).orElseThrow();
    assertThat(loaded.checkpoint().step()).isEqualTo(1);
    assertThat(loaded.payload()).containsExactly(1, 2, 3);
    assertThat(damaged).singleElement().extracting(CheckpointStore.Damaged::file).isEqualTo(newest.file());
  }

  @Test
  void aLearnerSectionTravelsWithTheBrainAndItsDamageSparesTheBrain() throws Exception {
    CheckpointStore s = store();
    Checkpoint c = s.write("a0001", 5, 0.5, CONFIG, new byte[] {1, 2, 3}, new byte[] {7, 8, 9, 10});
    assertThat(Files.size(c.file())).isEqualTo(c.fileSize());
    CheckpointStore.Loaded whole = s.latest("a0001", d -> {}).orElseThrow();
    assertThat(whole.payload()).containsExactly(1, 2, 3);
    assertThat(whole.learner()).containsExactly(7, 8, 9, 10);
    assertThat(whole.learnerDamage()).isNull();
    assertThat(whole.checkpoint().version()).isEqualTo(2);
    try (RandomAccessFile f = new RandomAccessFile(c.file().toFile(), "rw")) {
      f.setLength(f.length() - 1); // a learner byte lost
    }
    List<CheckpointStore.Damaged> damaged = new ArrayList<>();
    CheckpointStore.Loaded cut = s.latest("a0001", damaged::add).orElseThrow();
    assertThat(damaged).isEmpty();
    assertThat(cut.checkpoint().step()).as("the brain still loads").isEqualTo(5);
    assertThat(cut.payload()).containsExactly(1, 2, 3);
    assertThat(cut.learner()).isNull();
    assertThat(cut.learnerDamage()).contains("learner section length is not 4 bytes");
    assertThat(s.verify(c)).get().asString().contains("learner section");
    Checkpoint none = s.write("a0001", 6, 0.5, CONFIG, new byte[] {4});
    assertThat(s.load(none).learner()).isNull();
    assertThat(s.load(none).learnerDamage()).isNull();
  }

  @Test
  void truncatedFilesAndBadHeadersAreNeverLoaded() throws Exception {
    CheckpointStore s = store();
    Checkpoint good = s.write("a0001", 1, 0, CONFIG, new byte[100]);
    Checkpoint cut = s.write("a0001", 2, 0, CONFIG, new byte[100]);
    try (RandomAccessFile f = new RandomAccessFile(cut.file().toFile(), "rw")) {
      f.setLength(f.length() - 10);
    }
    Path garbage = dir.resolve("checkpoints/a0001/a0001-000000000003.vck");
    Files.write(garbage, "not a checkpoint at all".getBytes());
    Path wrongVersion = dir.resolve("checkpoints/a0001/a0001-000000000004.vck");
    byte[] bytes = Files.readAllBytes(good.file());
    bytes[7] = 9;
    Files.write(wrongVersion, bytes);
    CheckpointStore.Scan scan = s.scan();
    assertThat(scan.damaged()).extracting(d -> d.file().getFileName().toString())
        .containsExactlyInAnyOrder("a0001-000000000003.vck", "a0001-000000000004.vck");
    assertThat(scan.damaged()).anySatisfy(d -> assertThat(d.reason()).contains("format version 9 is unknown"));
    assertThat(s.verify(scan.checkpoints().get(1))).get().asString().contains("payload length");
    assertThat(s.latest("a0001", d -> {}).orElseThrow().checkpoint().step()).isEqualTo(1);
  }

  @Test
  void temporaryFilesAreNeverCheckpoints() throws Exception {
    CheckpointStore s = store();
    s.write("a0001", 1, 0, CONFIG, new byte[10]);
    Path tmp = dir.resolve("checkpoints/a0001/.a0001-000000000002.vck.1234.tmp");
    Files.write(tmp, new byte[5]);
    CheckpointStore.Scan scan = s.scan();
    assertThat(scan.checkpoints()).hasSize(1);
    assertThat(scan.temporaries()).containsExactly(tmp);
  }

  @Test
  void badInputIsExplained() {
    CheckpointStore s = store();
    assertThatThrownBy(() -> s.write("A/../x", 1, 0, CONFIG, new byte[0]))
        .hasMessageContaining("agent id must be 1-64 lower-case letters");
    assertThatThrownBy(() -> s.write("a0001", -1, 0, CONFIG, new byte[0]))
        .hasMessageContaining("step must be in [0, 999999999999]; got -1");
    assertThatThrownBy(() -> s.write("a0001", 1, 0, new byte[3], new byte[0]))
        .hasMessageContaining("32 bytes");
  }

  @Test
  void pruneNeverDeletesTheNewestOrTheBest() {
    CheckpointStore s = store();
    double[] fitness = {0.9, 0.1, 0.2, 0.3, 0.4};
    for (int step = 0; step < 5; step++) {
      s.write("a0001", step, fitness[step], CONFIG, new byte[] {(byte) step});
    }
    s.write("a0002", 7, 0, CONFIG, new byte[1]);
    PrunePlan plan = PrunePlan.of(s.scan().checkpoints(), 1, false);
    assertThat(plan.keep()).extracting(Checkpoint::step).containsExactlyInAnyOrder(4L, 0L, 7L);
    assertThat(plan.delete()).extracting(Checkpoint::step).containsExactlyInAnyOrder(3L, 2L, 1L);
    PrunePlan withBest = PrunePlan.of(s.scan().checkpoints(), 2, true);
    assertThat(withBest.keep()).extracting(Checkpoint::step).containsExactlyInAnyOrder(4L, 3L, 0L, 7L);
    s.delete(plan.delete());
    assertThat(s.scan().checkpoints()).hasSize(3);
    assertThatThrownBy(() -> PrunePlan.of(List.of(), 0, false)).hasMessageContaining("--keep-last must be at least 1");
  }
}
