package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every episode of a batch under a fast-moving curriculum is replayed by a single world from
 * its (episode seed, episode level, actions): same observations, same rewards.
 */
class GoldEpisodeSeedTest {
  /** One instance's episode in progress, as the colony records it. */
  private static final class Recording {
    final long seed;
    final int level;
    final ByteArrayOutputStream actions = new ByteArrayOutputStream();
    final List<byte[]> observations = new ArrayList<>();
    final List<Float> rewards = new ArrayList<>();

    Recording(GoldBatch batch, int i) {
      seed = batch.episodeSeed(i);
      level = batch.episodeLevel(i);
      observations.add(batch.observation(i).bytes(Channel.VIDEO));
    }
  }

  @Test
  void everyEpisodeOfACurriculumBatchReplaysOnASingleWorld() {
    long seed = new SplittableRandom().nextLong();
    System.out.println("GoldEpisodeSeedTest seed " + seed);
    GoldPreset p = GoldPresets.get("gold-bare-6x6");
    int n = 6;
    int replayed = 0;
    int levels = 0;
    try (GoldBatch batch = new GoldBatch(p, n, 1); GoldWorld single = new GoldWorld(p)) {
      batch.setCurriculum(new GoldCurriculum(1, 0.3, 4, 10)); // grows often under random play
      batch.reset(seed);
      Recording[] live = new Recording[n];
      for (int i = 0; i < n; i++) {
        live[i] = new Recording(batch, i);
      }
      SplittableRandom rng = new SplittableRandom(seed);
      byte[] actions = new byte[n];
      for (int t = 0; t < 3000; t++) {
        for (int i = 0; i < n; i++) {
          actions[i] = (byte) "LRFFF".charAt(rng.nextInt(5));
          live[i].actions.write(actions[i]);
        }
        int radiusBefore = batch.goldRadius();
        batch.step(actions);
        levels += batch.goldRadius() != radiusBefore ? 1 : 0;
        for (int i = 0; i < n; i++) {
          live[i].rewards.add(batch.rewards()[i]);
          if (batch.terminated()[i] || batch.truncated()[i]) {
            replay(single, live[i], batch.terminated()[i]);
            replayed++;
            live[i] = new Recording(batch, i);
          } else {
            live[i].observations.add(batch.observation(i).bytes(Channel.VIDEO));
          }
        }
      }
    }
    assertThat(replayed).as("episodes replayed").isGreaterThan(100);
    assertThat(levels).as("curriculum steps during the run").isGreaterThan(2);
  }

  private static void replay(GoldWorld world, Recording r, boolean terminated) {
    world.setGoldRadius(r.level);
    Observation o = world.reset(r.seed);
    assertThat(o.bytes(Channel.VIDEO)).isEqualTo(r.observations.get(0));
    byte[] actions = r.actions.toByteArray();
    for (int t = 0; t < actions.length; t++) {
      Step s = world.step(actions[t]);
      assertThat((float) s.reward()).as("reward at step %d", t).isEqualTo(r.rewards.get(t));
      if (t + 1 < actions.length) {
        assertThat(s.done()).as("episode ended early at step %d", t).isFalse();
        assertThat(s.observation().bytes(Channel.VIDEO)).as("observation after step %d", t)
            .isEqualTo(r.observations.get(t + 1));
      } else {
        assertThat(s.terminated()).isEqualTo(terminated);
        assertThat(s.done()).isTrue();
      }
    }
  }
}
