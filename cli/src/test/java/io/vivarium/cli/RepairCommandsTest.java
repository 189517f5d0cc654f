package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code vivarium world repair --sample} and {@code vivarium eval --world repair}. */
class RepairCommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void sampleShowsTheCorruptedTextDiagnosisAndDiff() {
    assertThat(run("world", "repair", "--sample", "--seed", "3")).isZero();
    assertThat(out.toString()).contains("seed: 3").contains("== diagnosis ==")
        .contains("== ground-truth diff ==").contains("@@ -");
  }

  @Test
  void worldWithoutSampleListsPresets() {
    assertThat(run("world", "repair")).isZero();
    assertThat(out.toString()).contains("presets: repair-1to3, repair-single, repair-hard");
  }

  @Test
  void evalPrintsTheTableAndSummary() {
    assertThat(run("eval", "--world", "repair", "--solver", "identity,heuristic", "--episodes", "28"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("duplicate_word").contains("mean_reward: 0.0000")
        .contains("exact_rate: ").contains("identity exact/reward");
  }

  @Test
  void operationsWithoutEpisodesShowADashAndProgressGoesToStderr() {
    assertThat(run("eval", "--world", "repair", "--solver", "identity,heuristic", "--episodes", "3"))
        .as(err.toString()).isZero();
    String table = out.toString();
    assertThat(table).contains("episodes").contains("\u2014").doesNotContain("0.000 / 0.000   \n");
    assertThat(table.lines().filter(l -> l.startsWith("duplicate_word") || l.startsWith("swap_substrings")))
        .allSatisfy(l -> assertThat(l).matches(".*\\s(0\\s.*\u2014.*|[1-3]\\s.*\\d\\.\\d{3}.*)"));
    assertThat(err.toString()).contains("heuristic: building the solver").contains("heuristic: ready in");
  }

  @Test
  void badInputNamesTheProblem() {
    assertThat(run("eval", "--world", "repair", "--solver", "oracle", "--episodes", "1")).isEqualTo(1);
    assertThat(err.toString()).contains("unknown repair solver 'oracle'");
    assertThat(run("world", "repair", "--sample", "--preset", "nope")).isEqualTo(1);
    assertThat(err.toString()).contains("known presets");
    assertThat(run("eval", "--world", "gold", "--episodes", "1")).isEqualTo(1);
    assertThat(err.toString()).contains("eval --world gold needs --brain FILE");
  }
}
