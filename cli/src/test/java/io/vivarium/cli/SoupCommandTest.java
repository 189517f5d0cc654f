package io.vivarium.cli;

import static io.vivarium.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium soup}: a small run, its files, a resume, bad arguments in one line each. */
class SoupCommandTest {
  @TempDir Path dir;


  @Test
  void aSmallSoupRunsWritesItsFilesAndResumes() throws Exception {
    String o = dir.resolve("s").toString();
    Result r = run("soup", "--size", "256", "--epochs", "8", "--every", "4", "--seed", "3", "--threads", "2",
        "--out", o);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("starting at epoch 0 · 256 tapes · seed 3 · 2 threads")
        .containsPattern("(?m)^epoch 4 .*high_order_entropy -?\\d")
        .containsPattern("(?m)^epochs_per_second: \\d+\\.\\d{3}$")
        .containsPattern("(?m)^high_order_entropy: -?\\d+\\.\\d{6}$");
    assertThat(Files.readAllLines(dir.resolve("s/soup.csv"))).hasSize(3);
    assertThat(dir.resolve("s/soup.ckpt")).exists();

    Result again = run("soup", "--size", "256", "--epochs", "8", "--out", o);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err().strip()).contains("already holds a soup").contains("--resume").doesNotContain("\n");

    Result more = run("soup", "--resume", "--epochs", "12", "--every", "4", "--out", o);
    assertThat(more.code()).as(more.err()).isZero();
    assertThat(more.out()).contains("resuming at epoch 8 · 256 tapes · seed 3").containsPattern("(?m)^epoch 12 ");
    assertThat(Files.readAllLines(dir.resolve("s/soup.csv"))).hasSize(4);
  }

  @Test
  void aRunStopsAtTheEntropyAskedForAndSaysHowToGoOn() {
    String o = dir.resolve("jump").toString();
    Result r = run("soup", "--size", "256", "--epochs", "400", "--every", "4", "--seed", "3", "--threads", "1",
        "--top", "0", "--stop-at-entropy", "0.000001", "--out", o);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^high-order entropy \\d+\\.\\d{4} reached 1.0E-6 at epoch \\d+; stopped "
        + "and checkpointed\\. Continue with: vivarium soup --resume --out .* --epochs 400$");
  }

  @Test
  void badArgumentsGetOneLineEach() {
    String o = dir.resolve("bad").toString();
    for (String[] args : new String[][] {
        {"soup", "--size", "7", "--out", o},
        {"soup", "--threads", "0", "--out", o},
        {"soup", "--every", "0", "--out", o},
        {"soup", "--mutation", "2", "--out", o},
        {"soup", "--engine", "warp", "--out", o},
        {"soup", "--stop-at-entropy", "9", "--out", o},
        {"soup", "--resume", "--out", o}}) {
      Result r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("vivarium: ").doesNotContain("\n")
          .doesNotContain("Exception");
    }
  }
}
