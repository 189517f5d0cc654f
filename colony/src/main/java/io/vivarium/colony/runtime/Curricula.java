package io.vivarium.colony.runtime;

import io.vivarium.core.world.WorldBatch;
import io.vivarium.worlds.gold.GoldBatch;
import io.vivarium.worlds.gold.GoldCurriculum;
import io.vivarium.worlds.gold.GoldPresets;

/** Attaches a world's curriculum to a batch when the world has one (today: gold) and reads its level. Stateless. */
final class Curricula {
  private Curricula() {}

  static void attach(WorldBatch batch, String preset) {
    if (batch instanceof GoldBatch g) {
      g.setCurriculum(GoldCurriculum.forPreset(GoldPresets.get(preset)));
    }
  }

  /** The curriculum level new episodes of {@code batch} start with (gold: the radius), 0 when none. */
  static int level(WorldBatch batch) {
    return batch instanceof GoldBatch g ? g.goldRadius() : 0;
  }
}
