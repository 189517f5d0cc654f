package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code vivarium bench repair-colony} with tiny minutes and episodes prints both numbers. */
class BenchRepairColonyCommandTest {
  @Test
  void printsTheBestAgentAndHeuristicBrain() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"bench", "repair-colony", "--minutes", "0.05", "--lm-minutes", "0.02",
        "--episodes", "2", "brain.preset=tiny", "colony.agents=1", "colony.maxAgents=1", "world.batch=2",
        "learn.grpo.group=2", "brain.threads=1"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString() + out).isZero();
    assertThat(out.toString()).contains("founder: ").contains("colony: repair repair-short-single")
        .containsPattern("best_agent_mean_reward=-?\\d\\.\\d{4}")
        .containsPattern("heuristic_brain_mean_reward=-?\\d\\.\\d{4}");
  }

  @Test
  void aMissingFounderFileIsNamed() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"bench", "repair-colony", "--founder", "no-such.brain"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("--founder no-such.brain is not a file");
  }
}
