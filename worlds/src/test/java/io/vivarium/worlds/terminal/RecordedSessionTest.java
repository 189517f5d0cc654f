package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen reads what real programs write to a real pty: a session recorded at test time by
 * util-linux's {@code script} (Debian's bsdutils, always installed), whose log holds the pty's
 * output between a header line and a footer.
 */
class RecordedSessionTest {
  @TempDir Path dir;

  private byte[] record(String command) throws Exception {
    Path log = dir.resolve("session.log");
    Process p = new ProcessBuilder("script", "-q", "-e", "-c", command, log.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    byte[] all = Files.readAllBytes(log);
    int start = indexOf(all, "\n".getBytes(StandardCharsets.US_ASCII), 0) + 1;
    int end = indexOf(all, "\nScript done".getBytes(StandardCharsets.US_ASCII), start);
    return Arrays.copyOfRange(all, start, end < 0 ? all.length : end);
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aShellsOutputThroughAPtyClearsWrapsAndTabsAsOnATerminal() throws Exception {
    byte[] pty = record("sh -c 'printf \"one\\ntwo\\n\"; printf \"\\033[H\\033[2J\"; echo after; "
        + "printf \"x\\ty\\n\"; printf \"%0100d\\n\" 0; printf \"\\033[1;31mred\\033[0m\\n\"'");
    Screen s = Screen.standard();
    s.feed(pty);
    assertThat(s.row(0)).isEqualTo("after");
    assertThat(s.row(1)).isEqualTo("x       y");
    assertThat(s.row(2)).isEqualTo("0".repeat(80));
    assertThat(s.row(3)).isEqualTo("0".repeat(20));
    assertThat(s.row(4)).isEqualTo("red");
    assertThat(s.text()).doesNotContain("one", "two");
  }
}
