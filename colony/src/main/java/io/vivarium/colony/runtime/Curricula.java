package io.vivarium.colony.runtime;

import io.vivarium.core.world.WorldBatch;
import io.vivarium.worlds.gold.GoldBatch;
import io.vivarium.worlds.gold.GoldCurriculum;
import io.vivarium.worlds.gold.GoldPreset;
import io.vivarium.worlds.gold.GoldPresets;

/** Attaches a world's curriculum to a batch when the world has one (today: gold) and reads its level. Stateless. */
final class Curricula {
  private Curricula() {}

  /**
   * Gives {@code batch} its world's curriculum starting at {@code level} (gold: the radius,
   * clamped to the curriculum's range), with the world's default threshold and window.
   */
  static void attach(WorldBatch batch, String preset, int level) {
    if (batch instanceof GoldBatch g) {
      GoldPreset p = GoldPresets.get(preset);
      GoldCurriculum d = GoldCurriculum.forPreset(p);
      int start = Math.max(d.radius(), Math.min(level, d.maxRadius()));
      g.setCurriculum(new GoldCurriculum(start, 0.8, 100, d.maxRadius()));
    }
  }

  /** The level new episodes of {@code batch} start at (gold: the radius), 0 for worlds without levels. */
  static int level(WorldBatch batch) {
    return batch instanceof GoldBatch g && g.curriculum() != null ? g.curriculum().radius() : 0;
  }
}
