package io.vivarium.worlds.gold;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContract;

/** Core's world contract for {@code gold-walls-8x8+rgb}, batch on 2 thread(s). */
class GoldWallsRgbContractTest extends WorldContract {
  @Override
  protected World create() {
    return new GoldWorld("gold-walls-8x8+rgb");
  }

  @Override
  protected WorldBatch batch(int size) {
    return new GoldBatch(GoldPresets.get("gold-walls-8x8+rgb"), size, 2);
  }
}
