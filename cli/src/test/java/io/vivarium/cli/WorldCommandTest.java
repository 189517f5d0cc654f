package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium world gold} and {@code vivarium bench world}. */
class WorldCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void printsAnExpertEpisode() {
    assertThat(run("world", "gold", "--preset", "gold-bare-5x5", "--seed", "4")).isZero();
    assertThat(out.toString()).startsWith("#######").contains("return ").contains("(optimal ");
  }

  @Test
  void writesPngsAndQuestions(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("gold.png");
    assertThat(run("world", "gold", "--png", png.toString())).isZero();
    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(run("world", "gold", "--qa", "3")).isZero();
    assertThat(out.toString().lines().filter(l -> l.startsWith("A: ")).count()).isEqualTo(3);
  }

  @Test
  void unknownPresetsAndWorldsAreNamed() {
    assertThat(run("world", "gold", "--preset", "gold-huge")).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("unknown gold preset 'gold-huge'").contains("gold-bare-6x6");
    assertThat(run("world", "mars")).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("unknown world 'mars'");
  }

  @Test
  void benchPrintsItsKeys() {
    assertThat(run("bench", "world", "--world", "gold", "--seconds", "0.05", "--batch", "64")).isZero();
    assertThat(out.toString()).containsPattern("(?m)^steps_per_second: \\d+$")
        .containsPattern("(?m)^frames_per_second: \\d+$");
  }
}
