package io.vivarium.worlds.gold;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContract;

/** Core's world contract for {@code gold-rooms-11x11+ego+rgb}, batch on 3 thread(s). */
class GoldRoomsEgoContractTest extends WorldContract {
  @Override
  protected World create() {
    return new GoldWorld("gold-rooms-11x11+ego+rgb");
  }

  @Override
  protected WorldBatch batch(int size) {
    return new GoldBatch(GoldPresets.get("gold-rooms-11x11+ego+rgb"), size, 3);
  }
}
