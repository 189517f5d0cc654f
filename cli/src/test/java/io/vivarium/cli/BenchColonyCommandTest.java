package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code vivarium bench colony}'s input checks (its run is ColonyBenchTest's, in the bench module). */
class BenchColonyCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aWarmUpLongerThanTheRunIsNamed() {
    assertThat(run("bench", "colony", "--minutes", "0.1", "--warmup", "6")).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("--warmup must be at least 0 and below the run's 6.0 seconds; got 6.0");
  }

  @Test
  void anUnknownKeyIsNamedBeforeAnythingRuns() {
    assertThat(run("bench", "colony", "--minutes", "0.1", "--warmup", "0", "colony.agentz=2"))
        .isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("colony.agentz").contains("colony.agents");
    assertThat(out.toString()).doesNotContain("fp32_peak");
  }
}
