package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The curriculum radius grows with success and caps at the whole room. */
class GoldCurriculumTest {
  @Test
  void radiusGrowsWhenTheWindowSucceedsAndCaps() {
    GoldCurriculum c = new GoldCurriculum(1, 0.75, 4, 3);
    assertThat(c.record(true)).isFalse();
    assertThat(c.record(false)).isFalse();
    assertThat(c.record(true)).isFalse();
    assertThat(c.record(false)).isFalse(); // 2 of 4: below the threshold
    assertThat(c.radius()).isEqualTo(1);
    assertThat(c.record(true)).isFalse(); // last four: F,T,F,T
    assertThat(c.record(true)).isTrue(); // last four: T,F,T,T = 0.75
    assertThat(c.radius()).isEqualTo(2);
    for (int k = 0; k < 20; k++) {
      c.record(true);
    }
    assertThat(c.radius()).isEqualTo(3);
    assertThat(c.maxRadius()).isEqualTo(3);
  }

  @Test
  void failuresKeepTheRadius() {
    GoldCurriculum c = GoldCurriculum.forPreset(GoldPresets.get("gold-bare-6x6"));
    for (int k = 0; k < 1000; k++) {
      c.record(k % 2 == 0);
    }
    assertThat(c.radius()).isEqualTo(1);
    assertThat(c.maxRadius()).isEqualTo(10);
  }

  @Test
  void theBatchPlacesGoldWithinTheRadiusItIsGiven() {
    GoldPreset p = GoldPresets.get("gold-bare-8x8");
    GoldCurriculum c = new GoldCurriculum(1, 0.5, 8, p.width() + p.height() - 2);
    try (GoldBatch b = new GoldBatch(p, 16, 1)) {
      b.setGoldRadius(c.radius());
      b.reset(1);
      byte[] actions = new byte[16];
      int grown = 0;
      for (int t = 0; t < 2000 && c.radius() < c.maxRadius(); t++) {
        for (int i = 0; i < 16; i++) {
          actions[i] = b.expertAction(i); // an expert always succeeds
        }
        int before = c.radius();
        b.step(actions);
        for (int i = 0; i < 16; i++) {
          if (b.terminated()[i]) { // the new episode used the radius in force before update
            GoldScene s = b.scene(i);
            assertThat(GoldExpert.stepsToNearestGold(s)).isPositive();
            int gw = s.gridWidth();
            int g = s.goldCells()[0];
            int a = s.agentCell();
            assertThat(Math.abs(g % gw - a % gw) + Math.abs(g / gw - a / gw)).isLessThanOrEqualTo(before);
          }
        }
        c.update(b);
        grown += c.radius() > before ? 1 : 0;
      }
      assertThat(c.radius()).isEqualTo(c.maxRadius());
      assertThat(grown).isEqualTo(c.maxRadius() - 1);
      assertThat(b.goldRadius()).isEqualTo(c.maxRadius());
    }
  }

  @Test
  void badSettingsAreRejectedByName() {
    assertThatThrownBy(() -> new GoldCurriculum(0, 0.8, 10, 5)).hasMessageContaining("start radius");
    assertThatThrownBy(() -> new GoldCurriculum(1, 1.5, 10, 5)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> new GoldCurriculum(1, 0.8, 0, 5)).hasMessageContaining("window");
  }
}
