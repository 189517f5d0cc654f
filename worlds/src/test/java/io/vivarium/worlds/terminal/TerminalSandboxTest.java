package io.vivarium.worlds.terminal;

import static io.vivarium.worlds.terminal.Typist.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.worlds.exec.ExecOutcome;
import io.vivarium.worlds.exec.HostProbe;
import io.vivarium.worlds.terminal.Typist.Typed;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sandboxed terminal session end to end: echo, the working directory, the prompt's exit status,
 * checker scripts, wiping, Ctrl-C, busy steps, exit, the session limits and typing ahead. Tests
 * wait for what the terminal shows, never for time.
 */
class TerminalSandboxTest {
  private static final String PROMPT = "$ ";
  private static TerminalSandbox t;

  @BeforeAll
  static void start() {
    HostProbe.assumeSandbox();
    // 1 s steps: a loaded machine's stalls must not make an idle foreground look busy
    t = new TerminalSandbox(TerminalLimits.defaults().withStep(1000, 1000));
  }

  @AfterAll
  static void stop() {
    if (t != null) {
      t.close();
    }
  }

  @BeforeEach
  void open() {
    TerminalStep s = t.open(24, 80, TerminalSandbox.Shell.SH, "");
    assertThat(s.ended()).as("the session started: %s", s).isFalse();
    assertThat(s.setupError()).isZero();
  }

  @AfterEach
  void end() {
    assertThat(t.end().ended()).isTrue();
  }

  @Test
  void typedKeysEchoAndEchoHiShowsHi() {
    Typed typed = Typist.until(t, bytes("echo hi"), "echo hi");
    assertThat(typed.text()).contains("echo hi");
    Typed enter = Typist.until(t, bytes("\r"), "hi\r\n");
    assertThat(enter.text()).contains("\r\nhi\r\n");
  }

  @Test
  void theStepCarriesTheWorkingDirectory() {
    Typed home = run(t, "true");
    assertThat(home.last().cwd()).isEqualTo(TerminalSandbox.HOME);
    assertThat(home.last().place()).isEqualTo(".");
    Typed deep = run(t, "mkdir -p a/b && cd a/b");
    assertThat(deep.last().cwd()).isEqualTo("/scratch/a/b");
    assertThat(deep.last().place()).isEqualTo("a/b");
    assertThat(run(t, "cd /usr").last().place()).isEqualTo("/usr");
  }

  @Test
  void thePromptPutsTheLastExitStatusInTheTitle() {
    Screen screen = Screen.standard();
    screen.feed(Typist.until(t, bytes("false\r"), "\u001b]0;1\u0007").text());
    assertThat(screen.title()).isEqualTo("1");
    screen.feed(Typist.until(t, bytes("true\r"), "\u001b]0;0\u0007").text());
    assertThat(screen.title()).isEqualTo("0");
  }

  @Test
  void checkSeesTheSessionsFilesAndKeepsThem() {
    run(t, "echo data > made.txt");
    ExecOutcome o = t.check("cat made.txt");
    assertThat(o.exitCode()).as(o.summary()).isZero();
    assertThat(new String(o.output(), StandardCharsets.UTF_8)).isEqualTo("data\n");
    assertThat(o.files()).isEqualTo(1);
    Typed again = run(t, "cat made.txt");
    assertThat(again.text()).contains("\r\ndata\r\n");
  }

  @Test
  void endWipesTheHome() {
    run(t, "mkdir dir && echo x > dir/file && echo y > top");
    TerminalStep ended = t.end();
    assertThat(ended.ended()).isTrue();
    assertThat(ended.files()).as("entries wiped").isEqualTo(2);
    t.open(24, 80, TerminalSandbox.Shell.SH, "");
    assertThat(new String(t.check("ls -A | wc -l").output(), StandardCharsets.UTF_8).trim()).isEqualTo("0");
    assertThat(run(t, "ls -A").text()).doesNotContain("top", "dir");
  }

  @Test
  void ctrlCStopsASleepingForeground() {
    TerminalStep s = Typist.line(t, "sleep 100", "sleep 100\r\n").last();
    for (int i = 0; i < Typist.MAX_STEPS && s.processes() < 2; i++) {
      s = t.type(new byte[0]);
    }
    assertThat(s.processes()).as("the shell and sleep").isGreaterThanOrEqualTo(2);
    Typed stopped = Typist.until(t, new byte[] {Keys.CTRL_C}, "\u001b]0;130\u0007");
    assertThat(stopped.text()).as("the prompt reports SIGINT").contains("\u001b]0;130\u0007");
    assertThat(stopped.last().busy()).isFalse();
    assertThat(stopped.last().ended()).isFalse();
  }

  @Test
  void aCpuBoundForegroundMakesTheStepBusy() {
    TerminalStep s = t.type(bytes("while :; do :; done\r"));
    for (int i = 0; i < 20 && !s.busy(); i++) {
      s = t.type(new byte[0]);
    }
    assertThat(s.busy()).as("a spinning shell never settles").isTrue();
    assertThat(s.ended()).isFalse();
    Typed stopped = Typist.until(t, new byte[] {Keys.CTRL_C}, PROMPT);
    assertThat(stopped.text()).contains(PROMPT);
  }

  @Test
  void exitEndsTheSessionWithItsStatus() {
    Typed typed = Typist.line(t, "exit 3", "never shown");
    assertThat(typed.ended()).isTrue();
    assertThat(typed.last().exitCode()).isEqualTo(3);
    assertThat(typed.last().processes()).isZero();
    assertThat(typed.last().limit()).isEmpty();
  }

  @Test
  void theStepCountsTheSessionsProcesses() {
    Typed typed = run(t, "sleep 100 & sleep 100 & true");
    assertThat(typed.last().processes()).as("the shell and two sleeps").isEqualTo(3);
    assertThat(t.end().processes()).isZero();
    t.open(24, 80, TerminalSandbox.Shell.SH, "");
  }

  @Test
  void bytesTypedWhileACommandRunsAreKept() {
    Typist.line(t, "sleep 1", "sleep 1\r\n");
    t.type(bytes("echo la\"\"ter"));
    Typed later = Typist.until(t, bytes("\r"), "later\r\n");
    assertThat(later.text()).contains("later\r\n");
  }

  @Test
  void aSessionOverItsCallBudgetIsEnded() {
    try (TerminalSandbox small = new TerminalSandbox(new TerminalLimits(1000, 1000, 5000, 4 << 20, 256, 32, 30,
        1024, 4096))) {
      small.open(24, 80, TerminalSandbox.Shell.SH, "");
      Typed typed = run(small, "while :; do echo x > f; done");
      assertThat(typed.ended()).as(typed.text()).isTrue();
      assertThat(typed.last().limit()).isEqualTo("budget");
      assertThat(typed.last().signal()).isEqualTo(9);
      assertThat(typed.last().spent()).isGreaterThan(5000);
    }
  }

  @Test
  void aSessionOverItsOutputCapIsEnded() {
    try (TerminalSandbox small = new TerminalSandbox(new TerminalLimits(1000, 1000, 1_000_000, 100_000, 256, 32,
        30, 1024, 4096))) {
      small.open(24, 80, TerminalSandbox.Shell.SH, "");
      Typed typed = run(small, "yes");
      assertThat(typed.ended()).isTrue();
      assertThat(typed.last().limit()).isEqualTo("output");
      assertThat(typed.last().signal()).isEqualTo(9);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
