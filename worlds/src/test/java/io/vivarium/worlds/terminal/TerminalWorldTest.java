package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TerminalWorldTest {
  @org.junit.jupiter.api.BeforeAll
  static void needsTheSandbox() {
    io.vivarium.worlds.exec.HostProbe.assumeSandbox();
  }

  @ParameterizedTest
  @EnumSource(TerminalTask.class)
  void theExpertDoesEveryTask(TerminalTask task) {
    try (TerminalWorld w = new TerminalWorld(TerminalPreset.of("terminal-" + task.key()), 0,
        TerminalLimits.defaults())) {
      for (long seed = 1; seed <= 3; seed++) {
        w.reset(seed);
        Step s = null;
        int steps = 0;
        do {
          s = w.step(Action.motor(w.expertKey()));
          steps++;
        } while (!s.done());
        assertThat(s.terminated()).as("%s seed %d after %d steps:\n%s", task, seed, steps, w.screen().text()).isTrue();
        assertThat(s.info()).containsEntry("success", "true");
        assertThat(s.reward()).isGreaterThan(0.5);
      }
    }
  }
}
