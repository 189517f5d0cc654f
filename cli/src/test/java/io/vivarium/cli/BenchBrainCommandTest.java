package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium bench brain} and {@code vivarium bench ppo}. */
class BenchBrainCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void brainBenchPrintsSpeedAndMemoryKeys(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus.txt");
    Files.writeString(corpus, "To be, or not to be, that is the question. ".repeat(200));
    assertThat(run("bench", "brain", "--corpus", corpus.toString(), "--iters", "3")).isZero();
    assertThat(out.toString()).containsPattern("(?m)^ms_per_iter: [0-9.]+$")
        .containsPattern("(?m)^tokens_per_second: \\d+$")
        .containsPattern("(?m)^rss_growth_mb: -?\\d+$")
        .containsPattern("(?m)^peak_rss_mb: \\d+$");
  }

  @Test
  void generateBenchPrintsCachedAndUncachedSpeeds() {
    assertThat(run("bench", "brain", "--generate", "--brains", "tiny", "--rounds", "1")).isZero();
    assertThat(out.toString())
        .containsPattern("(?m)^generate_bytes_per_second_cached_tiny: [0-9.]+$")
        .containsPattern("(?m)^generate_bytes_per_second_uncached_tiny: [0-9.]+$")
        .containsPattern("(?m)^generate_speedup_tiny: [0-9.]+$");
  }

  @Test
  void badInputIsNamed(@TempDir Path dir) {
    assertThat(run("bench", "brain", "--corpus", dir.resolve("missing.txt").toString()))
        .isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("missing.txt is not a file");
    assertThat(run("bench", "brain")).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("needs --corpus FILE (a text corpus) or --generate");
    assertThat(run("bench", "ppo", "--iterations", "0")).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("iterations and threads must be at least 1; got 0");
  }
}
