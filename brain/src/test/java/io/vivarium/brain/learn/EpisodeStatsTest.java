package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Saved recent episodes restore into equal statistics, and the ring goes on from there. */
class EpisodeStatsTest {
  @Test
  void restoredStatisticsEqualTheSavedOnesAndGoOn() {
    long seed = 42;
    SplittableRandom rng = new SplittableRandom(seed);
    EpisodeStats a = new EpisodeStats(3, 10);
    for (int t = 0; t < 200; t++) {
      float[] r = {(float) rng.nextDouble(), (float) rng.nextDouble(), (float) rng.nextDouble()};
      boolean[] term = {rng.nextInt(5) == 0, rng.nextInt(7) == 0, false};
      boolean[] trunc = {false, rng.nextInt(9) == 0, rng.nextInt(6) == 0};
      a.add(r, term, trunc);
      if (t == 3 || t == 150) { // once with a part-filled window, once wrapped
        EpisodeStats b = new EpisodeStats(3, 10);
        b.restore(a.episodes(), a.recentReturns(), a.recentSuccesses());
        assertThat(b.episodes()).as("seed %d", seed).isEqualTo(a.episodes());
        assertThat(b.meanReturn()).isEqualTo(a.meanReturn());
        assertThat(b.successRate()).isEqualTo(a.successRate());
        assertThat(b.recentReturns()).isEqualTo(a.recentReturns());
      }
    }
    EpisodeStats c = new EpisodeStats(1, 4);
    c.restore(9, new double[] {1, 2, 3, 4, 5, 6}, new boolean[] {true, true, false, false, true, true});
    assertThat(c.recentReturns()).containsExactly(3, 4, 5, 6);
    c.add(new float[] {7}, new boolean[] {true}, new boolean[] {false});
    assertThat(c.recentReturns()).containsExactly(4, 5, 6, 7);
    assertThat(c.successRate()).isEqualTo(0.75);
    assertThat(c.episodes()).isEqualTo(10);
  }
}
