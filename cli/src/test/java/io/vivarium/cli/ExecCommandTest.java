package io.vivarium.cli;

import static io.vivarium.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vivarium.cli.CliRun.Result;
import io.vivarium.worlds.exec.ExecutorPool;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium exec}: outcomes as text and JSON, bad input named, crashes still exit 0. */
class ExecCommandTest {
  @TempDir static Path cache;

  @BeforeAll
  static void sandbox() {
    System.setProperty("vivarium.exec.cache", cache.toString());
    String why = ExecutorPool.unavailableReason();
    assumeTrue(why == null, why);
  }


  @Test
  void jsonHasTheOutcomeAndTheHistogramByName() {
    // getpid; getpid; exit(7)
    Result r = run("exec", "--hex", "b827000000 0f05 b827000000 0f05 bf07000000 b83c000000 0f05", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"exit\":7", "\"signal\":0", "\"timeout\":false", "\"syscalls\":3",
        "\"histogram\":{\"getpid\":2,\"exit\":1}");
  }

  /** getpid; getpid; exit(7). */
  private static final String GETPIDS = "b827000000 0f05 b827000000 0f05 bf07000000 b83c000000 0f05";
  /** write(1, "hi\n\x01", 4); exit(0): the text follows the code, addressed relative to rip. */
  private static final String WRITE = "b801000000 bf01000000 488d3510000000 ba04000000 0f05 b83c000000 31ff 0f05 68690a01";

  @Test
  void jsonAndTextCarryEveryRewardOfTheRun() {
    Result r = run("exec", "--hex", GETPIDS, "--json");
    assertThat(r.out()).contains("\"rewards\":{\"syscall-evenness\":0.918", "\"byte-entropy\":",
        "\"global-entropy\":", "\"distinct-calls\":0.125}");
    assertThat(r.out().strip()).endsWith("}}");
    Result t = run("exec", "--hex", GETPIDS);
    assertThat(t.out()).containsPattern("(?m)^rewards:$").containsPattern("(?m)^  syscall-evenness +0\\.9183$")
        .containsPattern("(?m)^  distinct-calls +0\\.1250$");
  }

  @Test
  void theExecWorldsSampleShowsTheDecodedStep() {
    Result r = run("world", "exec", "--sample", "--action-hex", GETPIDS);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("== step 1 ==", "reward: 0.9183", "outcome: exit 7 · 3 syscalls (0 denied)",
        "histogram:\n  getpid 2\n  exit 1", "rewards:\n  syscall-evenness 0.9183\n  total 0.9183");
    Result w = run("world", "exec", "--sample", "--steps", "2", "--action-hex", WRITE);
    assertThat(w.out()).contains("== step 2 ==", "text (4 bytes): hi\\n\\x01", "outcome: exit 0 · 2 syscalls");
    Result random = run("world", "exec", "--sample", "--seed", "5");
    assertThat(random.code()).as(random.err()).isZero();
    assertThat(random.out()).contains("action: 64 bytes ", "outcome: ", "rewards:");
    assertThat(run("world", "exec", "--sample", "--action-hex", "zz").err()).contains("--action-hex must be pairs");
    assertThat(run("world", "exec", "--steps", "3").err()).contains("add --sample");
  }

  @Test
  void aCrashIsStillASuccessfulCommand() {
    Result r = run("exec", "--random", "64", "--seed", "3");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsAnyOf("signal", "exit", "timeout");
  }

  @Test
  void badInputIsNamed() {
    Result r = run("exec", "--hex", "xyz");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("--hex must be pairs of hex digits", "got 'xyz'");
    assertThat(run("exec").err()).contains("exactly one program source");
    assertThat(run("exec", "--random", "4", "--mode", "perl").err()).contains("got 'perl'");
  }

  @Test
  void benchExecPrintsRunsPerSecond() {
    Result r = run("bench", "exec", "--seconds", "0.5", "--workers", "1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("(?m)^runs_per_second: [0-9]+$").contains("setup_errors: 0");
  }
}
