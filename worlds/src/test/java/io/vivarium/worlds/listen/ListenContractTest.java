package io.vivarium.worlds.listen;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContract;
import io.vivarium.core.world.WorldContext;

/** The world contract on the listen world: real espeak-ng words, same seed same pictures. */
class ListenContractTest extends WorldContract {
  private static final ListenPreset PRESET = ListenPreset.of("listen-4");

  @Override
  protected World create() {
    return new ListenWorld(PRESET);
  }

  @Override
  protected WorldBatch batch(int size) {
    return new ListenBatch(PRESET, size, WorldContext.standalone().recordings(), "");
  }

  @Override
  protected int rolloutSteps() {
    return 60;
  }
}
