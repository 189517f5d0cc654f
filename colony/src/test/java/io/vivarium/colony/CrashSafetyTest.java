package io.vivarium.colony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.CheckpointRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that writes checkpoints and registry rows with SIGKILL at seeded random
 * moments, and checks after every kill that nothing is corrupt and nothing half-written is
 * mistaken for a checkpoint.
 */
class CrashSafetyTest {
  private static final long SEED = Long.getLong("vivarium.crash.seed", 20261122L);
  private static final int KILLS = 20;

  @TempDir Path dir;

  @Test
  void sigkillAtAnyMomentCorruptsNothing() throws Exception {
    System.out.println("CrashSafetyTest seed " + SEED + " (rerun with -Dvivarium.crash.seed=" + SEED + ")");
    SplittableRandom rng = new SplittableRandom(SEED);
    DataDir data = new DataDir(dir);
    long previousRows = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = start(rng.nextLong());
      awaitReady(child);
      Thread.sleep(rng.nextInt(50, 700));
      child.destroyForcibly(); // SIGKILL on Linux
      assertThat(child.waitFor()).as("child exit after SIGKILL").isEqualTo(137);

      try (Registry r = Registry.openReadOnly(data.registry())) {
        assertThat(r.integrityCheck()).as("integrity after kill %d", kill).isEqualTo("ok");
        long rows = r.checkpoints().count(null);
        assertThat(rows).as("committed rows survive").isGreaterThanOrEqualTo(previousRows);
        previousRows = rows;
        assertEveryRegisteredCheckpointVerifies(r, data);
      }
      CheckpointStore store = data.checkpoints();
      CheckpointStore.Scan scan = store.scan();
      assertThat(scan.damaged()).as("damaged files after kill %d", kill).isEmpty();
      for (Checkpoint c : scan.checkpoints()) {
        assertThat(store.verify(c)).as("%s verifies", c.file()).isEmpty();
      }
      Set<Path> listed = new HashSet<>(scan.checkpoints().stream().map(Checkpoint::file).toList());
      for (Path tmp : scan.temporaries()) {
        assertThat(listed).doesNotContain(tmp);
      }
      for (String agent : CrashWriter.AGENTS) {
        if (!store.list(agent).isEmpty()) {
          assertThat(store.latest(agent, d -> { throw new AssertionError("damaged: " + d); })).isPresent();
        }
      }
    }
    System.out.println("CrashSafetyTest: " + KILLS + " kills, " + previousRows + " checkpoint rows, "
        + data.checkpoints().scan().temporaries().size() + " writes interrupted mid-file");
    assertThat(previousRows).as("the child made progress").isPositive();
  }

  private void assertEveryRegisteredCheckpointVerifies(Registry r, DataDir data) {
    CheckpointStore store = data.checkpoints();
    List<Checkpoint> all = store.scan().checkpoints();
    for (CheckpointRow row : r.checkpoints().all()) {
      Path f = data.root().resolve(row.file());
      assertThat(f).as("a registered checkpoint exists").exists();
      Checkpoint c = all.stream().filter(x -> x.file().equals(f)).findFirst().orElseThrow();
      assertThat(c.sha256Hex()).isEqualTo(row.sha256());
    }
  }

  private Process start(long seed) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashWriter.class.getName(), dir.toString(), Long.toString(seed))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static void awaitReady(Process child) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream()));
    String line = in.readLine();
    assertThat(line).as("child start-up").isEqualTo("ready");
  }
}
