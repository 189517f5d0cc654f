package io.vivarium.colony.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Image;
import io.vivarium.worlds.terminal.Keys;
import io.vivarium.worlds.terminal.TerminalBatch;
import io.vivarium.worlds.terminal.TerminalLimits;
import io.vivarium.worlds.terminal.TerminalPreset;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A terminal episode recorded from a batch as the colony records it (the instance's episode seed,
 * level and keys) replays with the same screens at every step: the picture and the screen text.
 */
class TerminalReplayTest {
  @Test
  void aTerminalEpisodeReplaysScreenByScreen() {
    List<Image> pictures = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    ByteArrayOutputStream keys = new ByteArrayOutputStream();
    long seed;
    int level;
    double ret = 0;
    boolean success;
    try (TerminalBatch batch = new TerminalBatch(TerminalPreset.of("terminal-first3"), 2, TerminalLimits.defaults())) {
      batch.reset(7);
      seed = batch.episodeSeed(0);
      level = batch.episodeLevel(0);
      byte[] typo = {'x', 'y', Keys.LEFT};
      while (true) {
        pictures.add(batch.picture(0));
        texts.add(screen(batch.observation(0).bytes(Channel.TEXT)));
        int t = keys.size();
        byte k = t < typo.length ? typo[t] : batch.expertAction(0);
        keys.write(k);
        batch.step(new byte[] {k, batch.expertAction(1)});
        ret += batch.rewards()[0];
        if (batch.terminated()[0] || batch.truncated()[0]) {
          success = batch.terminated()[0];
          break;
        }
      }
    }
    byte[] actions = keys.toByteArray();
    Replay.Result r = Replay.of(new Episode(1, "a0001", "terminal", "terminal-first3", level, seed, actions.length,
        ret, success, actions, 0));

    assertThat(success).as("the expert finishes the task after the typo").isTrue();
    assertThat(r.matchesRecord()).isTrue();
    assertThat(r.success()).isTrue();
    assertThat(r.frames()).hasSize(actions.length + 1);
    for (int t = 0; t < pictures.size(); t++) { // the batch starts the next episode at once: its last screen is gone
      Replay.Frame f = r.frames().get(t);
      assertThat(screen(f.observation().bytes(Channel.TEXT))).as("screen text at step %d", t).isEqualTo(texts.get(t));
      assertThat(f.picture().rgb()).as("picture at step %d", t).isEqualTo(pictures.get(t).rgb());
    }
    assertThat(r.frames().get(1).actionName()).isEqualTo("x");
    assertThat(r.frames().get(3).actionName()).isEqualTo("Left");
    assertThat(r.frames().get(actions.length).actionName()).isEqualTo("Enter");
    assertThat(r.frames().get(actions.length).text()).contains("success");
  }

  private static String screen(byte[] text) {
    return new String(text, StandardCharsets.US_ASCII);
  }
}
