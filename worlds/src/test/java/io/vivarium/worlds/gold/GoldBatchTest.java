package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Channel;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The batch against single worlds, across thread counts, and its allocation-free fast path. */
class GoldBatchTest {
  private static final String[] PRESETS = {
    "gold-bare-5x5+rgb", "gold-walls-8x8+ego", "gold-rooms-11x11+rgb", "gold-multi-8x8"
  };

  @Test
  void batchEqualsSingleWorldsBitForBit() {
    for (String name : PRESETS) {
      GoldPreset p = GoldPresets.get(name);
      int n = 5;
      long seed = 17;
      try (GoldBatch batch = new GoldBatch(p, n, 1)) {
        GoldWorld[] singles = new GoldWorld[n];
        long[] episodes = new long[n];
        Observation[] expected = new Observation[n];
        batch.reset(seed);
        for (int i = 0; i < n; i++) {
          singles[i] = new GoldWorld(p);
          expected[i] = singles[i].reset(episodeSeed(seed, i, 0));
        }
        SplittableRandom rng = new SplittableRandom(4);
        byte[] actions = new byte[n];
        for (int t = 0; t < 600; t++) {
          for (int i = 0; i < n; i++) {
            assertSame(name, batch.observation(i), expected[i]);
            actions[i] = (byte) "LRFFF".charAt(rng.nextInt(5));
          }
          batch.step(actions);
          for (int i = 0; i < n; i++) {
            Step s = singles[i].step(actions[i]);
            assertThat(batch.rewards()[i]).isEqualTo((float) s.reward());
            assertThat(batch.terminated()[i]).isEqualTo(s.terminated());
            assertThat(batch.truncated()[i]).isEqualTo(s.truncated());
            expected[i] = s.done() ? singles[i].reset(episodeSeed(seed, i, ++episodes[i])) : s.observation();
          }
        }
        Arrays.stream(singles).forEach(GoldWorld::close);
      }
    }
  }

  private static long episodeSeed(long seed, int instance, long episode) {
    return Seeds.derive(Seeds.derive(seed, "instance", instance), "episode", episode);
  }

  private static void assertSame(String preset, Observation a, Observation b) {
    for (Channel c : Channel.values()) {
      assertThat(a.bytes(c)).as("%s channel %s", preset, c.key()).isEqualTo(b.bytes(c));
    }
    assertThat(a.hasImage()).isEqualTo(b.hasImage());
    if (a.hasImage()) {
      assertThat(a.image().rgb()).as("%s picture", preset).isEqualTo(b.image().rgb());
    }
  }

  @Test
  void threadCountDoesNotChangeResults() {
    GoldPreset p = GoldPresets.get("gold-walls-8x8+rgb");
    try (GoldBatch one = new GoldBatch(p, 64, 1); GoldBatch three = new GoldBatch(p, 64, 3)) {
      assertThat(three.threads()).isEqualTo(3);
      one.reset(3);
      three.reset(3);
      SplittableRandom rng = new SplittableRandom(5);
      byte[] actions = new byte[64];
      for (int t = 0; t < 500; t++) {
        for (int i = 0; i < 64; i++) {
          actions[i] = (byte) "LRF".charAt(rng.nextInt(3));
        }
        one.step(actions);
        three.step(actions);
        assertThat(three.symbolic()).isEqualTo(one.symbolic());
        assertThat(three.rewards()).isEqualTo(one.rewards());
        assertThat(three.terminated()).isEqualTo(one.terminated());
        assertThat(three.truncated()).isEqualTo(one.truncated());
      }
      assertThat(three.pictures()).isEqualTo(one.pictures());
    }
  }

  @Test
  void incrementalPicturesMatchAFullRedraw() {
    GoldPreset p = GoldPresets.get("gold-multi-8x8+rgb");
    GoldRenderer renderer = new GoldRenderer(p.pixelsPerCell());
    try (GoldBatch batch = new GoldBatch(p, 8, 1)) {
      batch.reset(8);
      SplittableRandom rng = new SplittableRandom(6);
      byte[] actions = new byte[8];
      for (int t = 0; t < 400; t++) {
        for (int i = 0; i < 8; i++) {
          actions[i] = (byte) "LRF".charAt(rng.nextInt(3));
        }
        batch.step(actions);
      }
      for (int i = 0; i < 8; i++) {
        assertThat(batch.observation(i).image().rgb()).isEqualTo(renderer.render(batch.scene(i)).rgb());
      }
    }
  }

  @Test
  void theFastPathDoesNotAllocate() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    GoldPreset p = GoldPresets.get("gold-walls-8x8+rgb");
    try (GoldBatch batch = new GoldBatch(p, 256, 1)) {
      batch.reset(1);
      byte[] actions = new byte[256];
      SplittableRandom rng = new SplittableRandom(2);
      for (int i = 0; i < 256; i++) {
        actions[i] = (byte) "LRF".charAt(rng.nextInt(3));
      }
      for (int t = 0; t < 200; t++) { // warm up, including class loading
        batch.step(actions);
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int t = 0; t < 2000; t++) { // 512,000 steps with thousands of resets
        actions[t % 256] = (byte) "LRF".charAt(t % 3);
        batch.step(actions);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(allocated).as("bytes allocated by 512,000 steps").isLessThan(16 * 1024);
    }
  }
}
