package io.vivarium.worlds.exec;

import static io.vivarium.worlds.exec.Programs.call;
import static io.vivarium.worlds.exec.Programs.cat;
import static io.vivarium.worlds.exec.Programs.exit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox pool on small hand-assembled programs: counts, ends, output, limits, shell mode. */
class ExecutorPoolTest {
  private static ExecutorPool pool;

  @BeforeAll
  static void start() {
    HostProbe.assumeSandbox();
    // a wall limit far above any run here: on a loaded machine a short one turns crashes into
    // timeouts (the loop test has its own pool)
    pool = new ExecutorPool(ExecLimits.machine().withTimeout(2000).withBudget(100), 2);
  }

  @AfterAll
  static void stop() {
    if (pool != null) {
      pool.close();
    }
  }

  @Test
  void exitCodeAndExactCountsComeBack() {
    ExecOutcome o = pool.run(cat(call(39), call(39), call(39), exit(7)));
    assertThat(o.exited()).isTrue();
    assertThat(o.exitCode()).isEqualTo(7);
    assertThat(o.syscalls()).isEqualTo(4);
    assertThat(o.count("getpid")).isEqualTo(3);
    assertThat(o.histogramByName()).containsEntry("getpid", 3).containsEntry("exit", 1).hasSize(2);
    assertThat(o.toJson()).contains("\"exit\":7", "\"syscalls\":4", "\"getpid\":3", "\"timeout\":false");
  }

  @Test
  void outputIsCaptured() {
    ExecOutcome o = pool.run(Programs.write("hello sandbox\n"));
    assertThat(new String(o.output(), StandardCharsets.UTF_8)).as(o.summary()).isEqualTo("hello sandbox\n");
    assertThat(o.outputBytes()).isEqualTo(14);
    assertThat(o.exitCode()).isZero();
  }

  @Test
  void scratchFilesAreCountedAndWipedBetweenRuns() {
    try (ExecutorPool one = new ExecutorPool(ExecLimits.machine().withTimeout(2000), 1)) {
      ExecOutcome first = one.run(Programs.createFile("f"));
      assertThat(first.exitCode()).as(first.summary()).isEqualTo(3);
      assertThat(first.files()).isEqualTo(1);
      ExecOutcome second = one.run(Programs.createFile("f"));
      assertThat(second.exitCode()).as("O_EXCL succeeds again: the scratch was wiped").isEqualTo(3);
    }
  }

  @Test
  void crashesAndHangsAreOutcomes() {
    ExecOutcome ill = pool.run(new byte[] {(byte) 0xff, (byte) 0xff});
    assertThat(ill.exited()).isFalse();
    assertThat(ill.signal()).isEqualTo(4); // SIGILL
    ExecOutcome empty = pool.run(new byte[0]);
    assertThat(empty.signal()).isIn(4, 11);
    try (ExecutorPool quick = new ExecutorPool(ExecLimits.machine().withTimeout(100), 1)) {
      ExecOutcome loop = quick.run(new byte[] {(byte) 0xeb, (byte) 0xfe}); // jmp $
      assertThat(loop.timeout()).isTrue();
      assertThat(loop.signal()).isEqualTo(9);
    }
  }

  @Test
  void theBudgetStopsASyscallLoop() {
    byte[] loop = cat(Programs.movEax(39), Programs.syscall(), new byte[] {(byte) 0xeb, (byte) 0xf7});
    ExecOutcome o = pool.run(loop);
    assertThat(o.budgetExceeded()).isTrue();
    assertThat(o.syscalls()).isEqualTo(101);
  }

  @Test
  void randomProgramsNeverBreakThePool() {
    long seed = 20261122L;
    System.out.println("randomProgramsNeverBreakThePool seed " + seed);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      byte[] p = new byte[64];
      rng.nextBytes(p);
      ExecOutcome o = pool.run(p);
      assertThat(o.setupError()).as(o.summary()).isZero();
    }
    assertThat(HostProbe.sandboxProcesses()).isEmpty();
    assertThat(pool.run(exit(3)).exitCode()).isEqualTo(3);
  }

  @Test
  void closeIsIdempotentAndRunAfterCloseIsAMisuse() {
    ExecutorPool p = new ExecutorPool(ExecLimits.machine(), 1);
    p.close();
    p.close();
    assertThatThrownBy(() -> p.run(exit(0))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aKilledExecutorIsReplaced() {
    try (ExecutorPool p = new ExecutorPool(ExecLimits.machine(), 1)) {
      long before = p.pids().get(0);
      ProcessHandle.of(before).orElseThrow().destroyForcibly();
      assertThatThrownBy(() -> p.run(exit(0))).isInstanceOf(RuntimeException.class);
      assertThat(p.pids().get(0)).isNotEqualTo(before);
      assertThat(p.run(exit(5)).exitCode()).isEqualTo(5);
    }
  }

  @Test
  void framesWithAWrongMagicOrVersionAreRejectedByName() {
    byte[] frame = new byte[ExecProtocol.REPLY_SIZE];
    assertThatThrownBy(() -> ExecProtocol.reply(frame)).hasMessageContaining("magic 0x00000000");
    frame[0] = 'V';
    frame[1] = 'X';
    frame[2] = 'E';
    frame[3] = 'R';
    frame[4] = 9;
    assertThatThrownBy(() -> ExecProtocol.reply(frame)).hasMessageContaining("format version 9");
  }

  @Test
  void badLimitsNameTheLimit() {
    assertThatThrownBy(() -> ExecLimits.machine().withTimeout(0))
        .hasMessageContaining("timeoutMillis must be between 1 and 600000; got 0");
    assertThatThrownBy(() -> ExecMode.of("python")).hasMessageContaining("got 'python'");
  }

  @Test
  void shellModeRunsScriptsWithUsrReadOnly() {
    try (ExecutorPool shell = new ExecutorPool(ExecLimits.shell(), 1)) {
      String script = "echo hi; mkdir d; echo x > f; ls; echo p > /etc/pwned || echo no-etc;"
          + " touch /usr/pwned 2>/dev/null || echo no-usr; cat /etc/shadow 2>/dev/null || echo no-shadow\n";
      ExecOutcome o = shell.run(script.getBytes(StandardCharsets.UTF_8));
      String out = new String(o.output(), StandardCharsets.UTF_8);
      assertThat(out).startsWith("hi\nd\nf\n").contains("no-usr", "no-shadow");
      assertThat(o.exited()).isTrue();
      assertThat(o.files()).isEqualTo(2);
      assertThat(o.count("mkdir")).isEqualTo(1);
      ExecOutcome again = shell.run("ls\n".getBytes(StandardCharsets.UTF_8));
      assertThat(again.outputBytes()).as("scratch is wiped between runs").isZero();
    }
    assertThat(HostProbe.sandboxProcesses()).isEmpty();
  }

  @Test
  void aShellForkBombAndABackgroundDaemonEndWithTheRun() {
    try (ExecutorPool shell = new ExecutorPool(ExecLimits.shell().withTimeout(1000), 1)) {
      ExecOutcome bomb = shell.run("b() { b | b & }; b\n".getBytes(StandardCharsets.UTF_8));
      assertThat(bomb.setupError()).isZero();
      assertThat(HostProbe.sandboxProcesses()).isEmpty();
      ExecOutcome daemon = shell.run("(sleep 30 &) ; echo started\n".getBytes(StandardCharsets.UTF_8));
      assertThat(new String(daemon.output(), StandardCharsets.UTF_8)).isEqualTo("started\n");
      assertThat(HostProbe.sandboxProcesses()).isEmpty();
      assertThat(shell.run("echo ok\n".getBytes(StandardCharsets.UTF_8)).output()).asString().isEqualTo("ok\n");
    }
  }
}
