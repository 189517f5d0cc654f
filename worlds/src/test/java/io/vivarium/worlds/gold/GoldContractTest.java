package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContract;
import io.vivarium.core.world.Worlds;
import org.junit.jupiter.api.Test;

/** Core's world contract for the default gold preset, through the registry. */
class GoldContractTest extends WorldContract {
  @Override
  protected World create() {
    return Worlds.get("gold").create("gold-bare-6x6");
  }

  @Override
  protected WorldBatch batch(int size) {
    return Worlds.get("gold").batch("gold-bare-6x6", size);
  }

  @Test
  void theRegistryListsGoldWithItsPresets() {
    assertThat(Worlds.get("gold").presets()).startsWith("gold-bare-6x6")
        .contains("gold-bare-5x5", "gold-bare-8x8", "gold-walls-8x8", "gold-rooms-11x11",
            "gold-multi-8x8");
    assertThat(Worlds.get("gold").batch("gold-bare-5x5", 2)).isInstanceOf(GoldBatch.class);
  }
}
