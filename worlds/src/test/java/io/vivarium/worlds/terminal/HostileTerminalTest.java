package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vivarium.worlds.exec.HostProbe;
import io.vivarium.worlds.terminal.TerminalSandbox.Shell;
import io.vivarium.worlds.terminal.Typist.Typed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exec world's hostile suite typed into a terminal: shell commands that try to exhaust,
 * damage or escape the host. After each the session is ended, and the host must be unchanged
 * (canary files and their hashes, canary listeners, no process left under the sandbox uids) and
 * the terminal must still work. Needs root, as the exec suite does; elsewhere it is skipped.
 */
class HostileTerminalTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final List<Path> PWNED = List.of(Path.of("/etc"), Path.of("/root"), Path.of("/tmp"),
      Path.of("/"), PROJECT);
  /** Steps a command's background work may go on before the session is ended. */
  private static final int LINGER = 5;
  private static final Map<Path, String> hashes = new LinkedHashMap<>();
  private static Canaries canaries;
  private static Path tmpCanary;
  private static TerminalSandbox t;

  @BeforeAll
  static void setUp() throws IOException {
    assumeTrue(HostProbe.root(), "the terminal sandbox needs root here, as the exec suite does; CI runs as root");
    canaries = Canaries.open(PROJECT.resolve("target/hostile-terminal"));
    tmpCanary = Files.writeString(Path.of("/tmp/vivarium-terminal-canary-" + ProcessHandle.current().pid()),
        "canary");
    Path projectCanary = Files.writeString(PROJECT.resolve("target/hostile-terminal/vivarium-canary"), "canary");
    for (Path p : List.of(tmpCanary, projectCanary, Path.of("/etc/passwd"), Path.of("/etc/shadow"),
        Path.of("/etc/hostname"))) {
      hashes.put(p, HostProbe.sha256(p));
    }
    // a budget well below the default, so that rm -rf over the read-only /usr ends sooner
    TerminalLimits d = TerminalLimits.defaults();
    t = new TerminalSandbox(new TerminalLimits(1000, 1000, 200_000, d.outputCap(), d.memoryMegabytes(),
        d.processes(), d.cpuSeconds(), d.fileKilobytes(), d.homeKilobytes()));
  }

  @AfterAll
  static void tearDown() throws IOException {
    if (t != null) {
      t.close();
    }
    if (canaries != null) {
      canaries.close();
    }
    if (tmpCanary != null) {
      Files.deleteIfExists(tmpCanary);
    }
  }

  static List<HostileCommand> commands() {
    return HostileCommand.all(canaries.port(), canaries.unixPath(), PROJECT);
  }

  @Test
  void theSuiteCoversTheExecSuitesKinds() {
    assumeTrue(canaries != null);
    assertThat(commands()).extracting(HostileCommand::name).contains("fork_bomb", "rm_root", "rm_usr_etc_home",
        "write_outside", "network", "kill_all", "daemons", "daemons_then_exit", "mount", "chroot", "proc", "mknod");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void hostileCommandLeavesTheHostUnchanged(HostileCommand c) throws IOException {
    assertThat(t.open(24, 80, Shell.SH, "").ended()).isFalse();
    Typed typed = Typist.run(t, c.command());
    TerminalStep before = linger(typed.last());
    String text = typed.text();
    if (before.ended()) {
      assertThat(HostProbe.sandboxProcesses()).as("processes left once %s ended the session", c.name()).isEmpty();
    }
    assertThat(before.processes()).as("processes of %s before the end", c.name()).isGreaterThanOrEqualTo(c.alive());
    assertThat(t.end().processes()).isZero();
    assertThat(HostProbe.sandboxProcesses()).as("processes left by %s", c.name()).isEmpty();
    assertHostUnchanged(c.name());
    for (String good : c.expected()) {
      assertThat(text).as("the output of %s", c.name()).contains(good);
    }
    for (String bad : c.forbidden()) {
      assertThat(text).as("the output of %s", c.name()).doesNotContain(bad);
    }
    assertStillWorks(Shell.SH, c.name());
  }

  @Test
  void bashForkBombIsContainedToo() throws IOException {
    assertThat(t.open(24, 80, Shell.BASH, "").ended()).isFalse();
    linger(Typist.run(t, "f(){ f|f& };f").last());
    t.end();
    assertThat(HostProbe.sandboxProcesses()).as("processes left by the bash fork bomb").isEmpty();
    assertHostUnchanged("the bash fork bomb");
    assertStillWorks(Shell.BASH, "the bash fork bomb");
  }

  /** Steps the terminal a little while the command's background processes go on; returns the last step. */
  private static TerminalStep linger(TerminalStep last) {
    TerminalStep s = last;
    for (int i = 0; i < LINGER && !s.ended(); i++) {
      s = t.type(new byte[0]);
    }
    return s;
  }

  private static void assertStillWorks(Shell shell, String after) {
    t.open(24, 80, shell, "");
    Typed ok = Typist.line(t, "echo o\"\"k", "ok\r\n");
    assertThat(ok.text()).as("the terminal works after %s", after).contains("ok\r\n");
    t.end();
  }

  private static void assertHostUnchanged(String name) throws IOException {
    for (var e : hashes.entrySet()) {
      assertThat(HostProbe.sha256(e.getKey())).as("%s after %s", e.getKey(), name).isEqualTo(e.getValue());
    }
    for (Path dir : PWNED) {
      assertThat(dir.resolve("vivarium-pwned")).as("after %s", name).doesNotExist();
      assertThat(dir.resolve("vivarium-pwned-dir")).as("after %s", name).doesNotExist();
    }
    canaries.assertUntouched(name);
  }
}
