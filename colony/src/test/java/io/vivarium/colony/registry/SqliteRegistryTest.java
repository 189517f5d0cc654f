package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite registry promises: a file other tools read while the colony runs. */
class SqliteRegistryTest {
  @TempDir Path dir;

  @Test
  void theSqlite3ToolReadsTheFileWhileItIsOpen() throws Exception {
    Path f = dir.resolve("colony.db");
    try (Registry r = Registry.open(f)) {
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "gold-bare-6x6", "tiny", 0, 0.5, 1000, 0, null));
      Process p = new ProcessBuilder("sqlite3", "-readonly", f.toString(), "SELECT id, state FROM agents;")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      assertThat(p.waitFor()).as(out).isZero();
      assertThat(out).isEqualTo("a0001|alive");
      assertThat(r.file()).isEqualTo(f);
      assertThat(r.location().postgres()).isFalse();
    }
  }
}
