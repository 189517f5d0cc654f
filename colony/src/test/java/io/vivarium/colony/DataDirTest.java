package io.vivarium.colony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a data directory holds a colony. */
class DataDirTest {
  @TempDir Path dir;

  @Test
  void aMissingDirectoryHasNoColony() {
    assertThat(new DataDir(dir.resolve("none")).hasColony()).isFalse();
  }

  @Test
  void aStartThatFailedBeforeItsFoundersIsNoColony() {
    DataDir d = new DataDir(dir.resolve("half"));
    try (Registry r = Registry.open(d.registry())) {
      r.recordStart("vivarium", 1, "", "00");
    }
    assertThat(d.hasColony()).isFalse();
    try (Registry r = Registry.open(d.registry())) {
      r.putAgent(new AgentRow("a0001", null, 0, io.vivarium.colony.registry.AgentState.ALIVE, "gold-bare-6x6", "tiny", 0, 0, 1, 0, null));
    }
    assertThat(d.hasColony()).isTrue();
  }

  @Test
  void anUnreadableRegistryCountsAsAColony() throws Exception {
    DataDir d = new DataDir(dir.resolve("damaged"));
    Files.createDirectories(d.root());
    Files.writeString(d.registry(), "not a database");
    assertThat(d.hasColony()).isTrue();
  }
}
