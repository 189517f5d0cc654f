package io.vivarium.colony.runtime;

import io.vivarium.core.world.WorldBatch;
import io.vivarium.worlds.gold.GoldBatch;
import io.vivarium.worlds.gold.GoldCurriculum;
import io.vivarium.worlds.gold.GoldPresets;

/** Attaches a world's curriculum to a batch when the world has one (today: gold) Stateless. */
final class Curricula {
  private Curricula() {}

  static void attach(WorldBatch batch, String preset) {
    if (batch instanceof GoldBatch g) {
      g.setCurriculum(GoldCurriculum.forPreset(GoldPresets.get(preset)));
    }
  }
}
