package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium train lm} and {@code vivarium sample} end to end, in process. */
class TrainCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void nativesUnderTarget() {
    if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
    }
  }

  /** Runs the command line in process: exit code, standard output, standard error. */
  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void trainsALanguageModelAndSamplesFromIt() throws Exception {
    Path corpus = Files.writeString(dir.resolve("corpus.txt"), "to be or not to be. ".repeat(300),
        StandardCharsets.US_ASCII);
    Path brain = dir.resolve("lm.brain");
    String[] r = run("--data", dir.toString(), "train", "lm", "--corpus", corpus.toString(),
        "--preset", "tiny", "--iters", "30", "--batch", "4", "--block", "32", "--lr", "3e-3",
        "--out", brain.toString(), "brain.layers=1");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).containsPattern("(?m)^val_loss: \\d+\\.\\d+$")
        .containsPattern("(?m)^tokens_per_second: \\d+$")
        .containsPattern("(?m)^ms_per_iter: \\d+\\.\\d+$")
        .containsPattern("(?m)^parameters: \\d+$");
    assertThat(brain).exists();
    String[] s = run("sample", "--brain", brain.toString(), "--prompt", "to be", "--bytes", "10");
    assertThat(s[0]).as(s[2]).isEqualTo("0");
    assertThat(s[1]).startsWith("to be");
  }

  @Test
  void badInputIsOneClearLine() {
    String[] r = run("sample", "--brain", dir.resolve("missing.brain").toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("vivarium: brain file").contains("does not exist");
    String[] p = run("--data", dir.toString(), "train", "lm", "--corpus",
        dir.resolve("none.txt").toString(), "--preset", "huge");
    assertThat(p[0]).isEqualTo("1");
    assertThat(p[2]).contains("unknown brain preset 'huge'");
  }
}
