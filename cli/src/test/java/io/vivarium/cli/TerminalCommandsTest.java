package io.vivarium.cli;

import static io.vivarium.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vivarium.cli.CliRun.Result;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Png;
import io.vivarium.worlds.exec.ExecutorPool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vivarium world terminal --type/--png/--play} and {@code vivarium bench terminal} on the
 * real sandbox (skipped where the sandbox cannot start: it needs root or user namespaces).
 */
class TerminalCommandsTest {
  @TempDir static Path cache;
  @TempDir Path dir;
  private static String unavailable;

  @BeforeAll
  static void sandbox() {
    System.setProperty("vivarium.exec.cache", cache.toString());
    unavailable = ExecutorPool.unavailableReason();
  }


  @Test
  void typedLinesShowOnThePrintedScreen() throws Exception {
    assumeTrue(unavailable == null, unavailable);
    Path file = Files.writeString(dir.resolve("lines.txt"), "echo hello\n");
    Result r = run("world", "terminal", "--type", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^\\$ echo hello$").containsPattern("(?m)^hello$")
        .doesNotEndWith("\n\n");
  }

  @Test
  void thePngIsTheStandardScreensPicture() throws Exception {
    assumeTrue(unavailable == null, unavailable);
    Path file = Files.writeString(dir.resolve("lines.txt"), "echo hello\n");
    Path png = dir.resolve("screen.png");
    Result r = run("world", "terminal", "--type", file.toString(), "--png", png.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Image picture = Png.decode(Files.readAllBytes(png), png.toString());
    assertThat(picture.width()).isEqualTo(480);
    assertThat(picture.height()).isEqualTo(192);
  }

  @Test
  void aMissingTypeFileIsNamed() {
    Path missing = dir.resolve("absent.txt");
    Result r = run("world", "terminal", "--type", missing.toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err()).contains("--type file " + missing + " does not exist");
  }

  @Test
  void playWithoutATerminalRefusesAndSuggestsType() throws Exception {
    assumeFalse(TerminalPlay.standardInputIsTerminal(), "standard input is a terminal here");
    Result r = run("world", "terminal", "--play");
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err()).contains("--play needs a terminal on standard input").contains("--type FILE");
  }

  @Test
  void benchPrintsItsLines() {
    assumeTrue(unavailable == null, unavailable);
    Result r = run("bench", "terminal", "--terminals", "2", "--seconds", "1", "--warmup", "0.2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^terminals: 2$").containsPattern("(?m)^steps: \\d+$")
        .containsPattern("(?m)^episodes: \\d+$").containsPattern("(?m)^success_rate: [0-9.]+$")
        .containsPattern("(?m)^step_p50_ms: [0-9.]+$").containsPattern("(?m)^step_p99_ms: [0-9.]+$")
        .containsPattern("(?m)^keystrokes_per_second: \\d+$");
  }
}
