package io.vivarium.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Channel;
import org.junit.jupiter.api.Test;

/** Runs the world contract against the test counter world, and checks the serial batch. */
class CounterWorldTest extends WorldContract {
  @Override
  protected World create() {
    return new CounterWorld();
  }

  @Test
  void batchResetsFinishedInstancesAtOnce() {
    try (WorldBatch b = WorldBatch.of(CounterWorld::new, 2)) {
      b.reset(1);
      int wins = 0;
      for (int t = 0; t < 40; t++) {
        b.step(new byte[] {'+', '+'});
        for (int i = 0; i < 2; i++) {
          if (b.terminated()[i]) {
            wins++;
            assertThat(b.rewards()[i]).isEqualTo(1f);
            assertThat(b.observation(i).bytes(Channel.TOUCH)[0]).isBetween((byte) 0, (byte) 9);
          }
        }
      }
      assertThat(wins).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void episodeSeedStartsTheSameEpisodeOnASingleWorld() {
    try (WorldBatch b = WorldBatch.of(CounterWorld::new, 3); World single = new CounterWorld()) {
      b.reset(7);
      int starts = 0;
      for (int t = 0; t < 30; t++) {
        for (int i = 0; i < 3; i++) {
          if (t == 0 || b.terminated()[i] || b.truncated()[i]) {
            assertThat(single.reset(b.episodeSeed(i)).bytes(Channel.TOUCH))
                .isEqualTo(b.observation(i).bytes(Channel.TOUCH));
            assertThat(b.episodeLevel(i)).isZero();
            starts++;
          }
        }
        b.step(new byte[] {'+', '-', '+'});
      }
      assertThat(starts).isGreaterThan(3);
    }
  }

  @Test
  void steppingBeforeResetIsAMisuse() {
    try (WorldBatch b = WorldBatch.of(CounterWorld::new, 1)) {
      assertThatThrownBy(() -> b.step(new byte[] {'+'}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("reset");
    }
  }

  @Test
  void wrongActionCountIsRejected() {
    try (WorldBatch b = WorldBatch.of(CounterWorld::new, 2)) {
      b.reset(0);
      assertThatThrownBy(() -> b.step(new Action[1]))
          .hasMessageContaining("batch of 2 needs as many actions; got 1");
    }
  }
}
