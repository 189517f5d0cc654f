package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium completion bash}: a script real bash accepts and that completes commands and options. */
class CompletionCommandTest {
  @TempDir Path dir;

  private Path script() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(Main.run(new String[] {"completion", "bash"}, new PrintWriter(out, true), new PrintWriter(err, true)))
        .as(err.toString()).isZero();
    Path file = dir.resolve("vivarium-completion.bash");
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** Runs {@code bash -c command} with the script as {@code $1}; returns standard output (exit 0 asserted). */
  private static String bash(String command, Path script) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", command, "bash", script.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /**
   * What bash completes for the words {@code line} (the last one being completed). Outside an
   * interactive completion bash's {@code compopt} complains on standard error; that line is dropped.
   */
  private static String complete(Path script, String line) throws Exception {
    String[] words = line.split(" ", -1);
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append('\'');
    }
    return bash("source \"$1\"; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
        + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_vivarium vivarium 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"",
        script);
  }

  @Test
  void theScriptIsValidBash() throws Exception {
    Path script = script();
    assertThat(Files.readString(script)).contains("complete -F _complete_vivarium", "status", "bench");
    bash("bash -n \"$1\"", script);
  }

  @Test
  void itCompletesSubcommandsAndOptions() throws Exception {
    Path script = script();
    assertThat(complete(script, "vivarium sta").lines()).containsExactly("status");
    assertThat(complete(script, "vivarium bench me").lines()).contains("memory", "meditation");
    assertThat(complete(script, "vivarium status --js").lines()).containsExactly("--json");
  }
}
