package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalBatchTest {
  @org.junit.jupiter.api.BeforeAll
  static void needsTheSandbox() {
    io.vivarium.worlds.exec.HostProbe.assumeSandbox();
  }

  /**
   * A step ends after a silence; on a loaded machine 0.3 ms of it can come before a command's
   * output, and the replay then sees another screen. Steps of 5 ms silence (at most 1 s) keep
   * the replay's timing out of the comparison.
   */
  private static final TerminalLimits PATIENT = TerminalLimits.defaults().withStep(1000, 5000);

  @Test
  void theExpertSolvesEveryEpisodeOfABatchAndEpisodesReplayInOneWorld() {
    TerminalPreset preset = TerminalPreset.of("terminal");
    try (TerminalBatch b = new TerminalBatch(preset, 3, PATIENT)) {
      b.startCurriculum(5);
      b.reset(11);
      long seed = b.episodeSeed(1);
      int level = b.episodeLevel(1);
      List<Byte> keys = new ArrayList<>();
      List<String> screens = new ArrayList<>();
      int episodes = 0;
      int successes = 0;
      boolean firstOfOneDone = false;
      for (int step = 0; step < 400 && episodes < 9; step++) {
        byte[] motor = new byte[3];
        for (int i = 0; i < 3; i++) {
          motor[i] = b.expertAction(i);
        }
        b.step(motor);
        if (!firstOfOneDone) {
          keys.add(motor[1]);
          screens.add(text(b.observation(1)));
        }
        for (int i = 0; i < 3; i++) {
          if (b.terminated()[i] || b.truncated()[i]) {
            episodes++;
            successes += b.rewards()[i] > 0.5 ? 1 : 0;
            firstOfOneDone |= i == 1;
          }
        }
      }
      assertThat(episodes).isGreaterThanOrEqualTo(9);
      assertThat(successes).isEqualTo(episodes);
      // the recorded episode of instance 1 replays in a single world from its seed and level
      try (TerminalWorld w = new TerminalWorld(preset, level, PATIENT)) {
        w.reset(seed);
        for (int k = 0; k < keys.size() - 1; k++) {
          Step s = w.step(Action.motor(keys.get(k)));
          assertThat(text(s.observation())).as("step %d", k).isEqualTo(screens.get(k));
        }
        assertThat(w.step(Action.motor(keys.get(keys.size() - 1))).terminated()).isTrue();
      }
    }
  }

  @Test
  void anObservationCarriesTheScreenTheMachineAndAPicture() {
    try (TerminalWorld w = new TerminalWorld(TerminalPreset.of("terminal-echo"), 0, TerminalLimits.defaults())) {
      Observation o = w.reset(5);
      String text = text(o);
      assertThat(text).startsWith("task: echo ").endsWith("\n$ ");
      assertThat(new String(o.bytes(Channel.TOUCH), StandardCharsets.US_ASCII))
          .contains("processes=1").contains("dir=.").contains("status=0").doesNotContain("cpu");
      assertThat(o.image().width()).isEqualTo(480);
      Step s = w.step(Action.motor((byte) 'x'));
      assertThat(text(s.observation())).endsWith("\n$ x");
      assertThat(s.reward()).isEqualTo(-TerminalInstance.STEP_COST, org.assertj.core.data.Offset.offset(1e-6));
      s = w.step(Action.motor(Keys.ENTER));
      assertThat(text(s.observation())).contains("x: not found");
      assertThat(new String(s.observation().bytes(Channel.TOUCH), StandardCharsets.US_ASCII)).contains("status=127");
      assertThat(s.done()).isFalse();
      s = w.step(Action.motor((byte) 0x01)); // no key: the step passes, nothing typed
      assertThat(text(s.observation())).endsWith("\n$ ");
    }
  }

  @Test
  void typingExitEndsTheEpisodeWithoutSuccess() {
    try (TerminalWorld w = new TerminalWorld(TerminalPreset.of("terminal-echo"), 0, TerminalLimits.defaults())) {
      w.reset(1);
      Step s = null;
      for (byte k : "exit\r".getBytes(StandardCharsets.US_ASCII)) {
        s = w.step(Action.motor(k));
      }
      assertThat(s.terminated()).isTrue();
      assertThat(s.info()).containsEntry("success", "false");
      w.reset(2);
      assertThat(w.expertKey()).isEqualTo((byte) 'e');
    }
  }

  private static String text(Observation o) {
    return new String(o.bytes(Channel.TEXT), StandardCharsets.US_ASCII);
  }
}
