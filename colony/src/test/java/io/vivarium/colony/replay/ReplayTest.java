package io.vivarium.colony.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.Channel;
import io.vivarium.worlds.gold.GoldBatch;
import io.vivarium.worlds.gold.GoldCurriculum;
import io.vivarium.worlds.gold.GoldPresets;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Episodes recorded from a curriculum batch, as the colony records them, replay exactly. */
class ReplayTest {
  @TempDir Path dir;

  /** Plays a batch at random and records every finished episode; returns the first observations. */
  private static List<byte[]> record(Registry r, String preset, int steps, long seed) {
    List<byte[]> starts = new ArrayList<>();
    int n = 4;
    try (GoldBatch batch = new GoldBatch(GoldPresets.get(preset), n, 1)) {
      batch.setCurriculum(new GoldCurriculum(1, 0.3, 4, 8));
      batch.reset(seed);
      long[] seeds = new long[n];
      int[] levels = new int[n];
      double[] returns = new double[n];
      ByteArrayOutputStream[] actions = new ByteArrayOutputStream[n];
      byte[][] first = new byte[n][];
      for (int i = 0; i < n; i++) {
        seeds[i] = batch.episodeSeed(i);
        levels[i] = batch.episodeLevel(i);
        actions[i] = new ByteArrayOutputStream();
        first[i] = batch.observation(i).bytes(Channel.VIDEO);
      }
      SplittableRandom rng = new SplittableRandom(seed);
      byte[] motor = new byte[n];
      for (int t = 0; t < steps; t++) {
        for (int i = 0; i < n; i++) {
          motor[i] = (byte) "LRFFF".charAt(rng.nextInt(5));
          actions[i].write(motor[i]);
        }
        batch.step(motor);
        for (int i = 0; i < n; i++) {
          returns[i] += batch.rewards()[i];
          if (batch.terminated()[i] || batch.truncated()[i]) {
            byte[] a = actions[i].toByteArray();
            r.addEpisode("a0001", "gold", preset, levels[i], seeds[i], a.length, returns[i], batch.terminated()[i], a);
            starts.add(first[i]);
            seeds[i] = batch.episodeSeed(i);
            levels[i] = batch.episodeLevel(i);
            returns[i] = 0;
            actions[i].reset();
            first[i] = batch.observation(i).bytes(Channel.VIDEO);
          }
        }
      }
    }
    return starts;
  }

  private Registry registry() {
    Registry r = Registry.open(dir.resolve("colony.db"));
    r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "gold-bare-6x6", "tiny", 0, 0, 1, 0, null));
    return r;
  }

  @Test
  void everyRecordedEpisodeReplaysToItsReturn() {
    try (Registry r = registry()) {
      List<byte[]> starts = record(r, "gold-bare-6x6", 1500, 11);
      List<Long> ids = Episode.ids(r, "a0001", 10_000);
      assertThat(ids).hasSize(starts.size()).hasSizeGreaterThan(50);
      int successes = 0;
      for (int k = 0; k < ids.size(); k++) {
        Episode e = Episode.find(r, "a0001", ids.get(k));
        Replay.Result res = Replay.of(e);
        assertThat(res.replayedReturn()).as("%s", e).isEqualTo(e.ret());
        assertThat(res.success()).isEqualTo(e.success());
        assertThat(res.frames()).hasSize(e.steps() + 1);
        assertThat(res.frames().get(0).observation().bytes(Channel.VIDEO))
            .isEqualTo(starts.get(ids.size() - 1 - k)); // ids are newest first
        assertThat(res.frames().get(1).text()).contains("step 1/");
        assertThat(res.frames().get(0).picture()).isNotNull();
        successes += e.success() ? 1 : 0;
      }
      assertThat(successes).isGreaterThan(10);
      assertThat(Episode.find(r, "a0001", null).id()).isEqualTo(ids.get(0));
    }
  }

  @Test
  void unknownWorldsPresetsAndDivergingActionsAreRefused() {
    try (Registry r = registry()) {
      record(r, "gold-bare-5x5", 200, 3);
      Episode e = Episode.find(r, "a0001", null);
      assertThatThrownBy(() -> Replay.of(new Episode(e.id(), "a0001", "nowhere", e.preset(), e.level(), e.seed(),
          e.steps(), e.ret(), e.success(), e.actions(), e.timeMillis())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not have")
          .hasMessageContaining("nowhere");
      assertThatThrownBy(() -> Replay.of(new Episode(e.id(), "a0001", "gold", "gold-huge", e.level(), e.seed(),
          e.steps(), e.ret(), e.success(), e.actions(), e.timeMillis())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gold-huge");
      byte[] longer = java.util.Arrays.copyOf(e.actions(), e.steps() + 5);
      java.util.Arrays.fill(longer, e.steps(), longer.length, (byte) 'L');
      assertThatThrownBy(() -> Replay.of(new Episode(e.id(), "a0001", "gold", e.preset(), e.level(), e.seed(),
          longer.length, e.ret(), e.success(), longer, e.timeMillis())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not replay")
          .hasMessageContaining("ended it after step " + e.steps());
      assertThatThrownBy(() -> Episode.find(r, "a0001", 999_999L)).hasMessageContaining("no episode 999999");
      assertThatThrownBy(() -> Episode.find(r, "a0002", null)).hasMessageContaining("no recorded episode");
    }
  }
}
