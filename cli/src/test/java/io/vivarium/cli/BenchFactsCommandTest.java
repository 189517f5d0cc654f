package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium bench facts}: a tiny run prints both keys; bad input is named. */
class BenchFactsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aTinyRunPrintsTheExactMatchWithAndWithoutMemory(@TempDir Path dir) throws Exception {
    Path facts = dir.resolve("facts.txt");
    Files.writeString(facts, "# invented\nQuorvania | capital | Tesh\nBlim Ostrava | height | 171 cm\n");
    assertThat(run("bench", "facts", "--minutes", "0.05", "--eval-facts", facts.toString(), "colony.agents=2"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("(?m)^exact_match_with_memory=[0-9.]+$")
        .containsPattern("(?m)^exact_match_without_memory=[0-9.]+$")
        .containsPattern("(?m)^train_exact_match_with_memory=[0-9.]+$")
        .containsPattern("(?m)^reward_with_memory=[0-9.]+$")
        .contains("fact memory on", "fact memory off", "facts.txt");
  }

  @Test
  void badInputIsNamed(@TempDir Path dir) {
    assertThat(run("bench", "facts", "--minutes", "0")).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("--minutes must be in (0, 1440]; got 0");
    assertThat(run("bench", "facts", "--eval-facts", dir.resolve("none.txt").toString())).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("none.txt does not exist");
  }
}
