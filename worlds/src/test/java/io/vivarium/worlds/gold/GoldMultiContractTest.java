package io.vivarium.worlds.gold;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContract;

/** Core's world contract for {@code gold-multi-8x8}, batch on 1 thread(s). */
class GoldMultiContractTest extends WorldContract {
  @Override
  protected World create() {
    return new GoldWorld("gold-multi-8x8");
  }

  @Override
  protected WorldBatch batch(int size) {
    return new GoldBatch(GoldPresets.get("gold-multi-8x8"), size, 1);
  }
}
