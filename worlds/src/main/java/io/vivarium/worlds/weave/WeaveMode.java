package io.vivarium.worlds.weave;

import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.WorldMode;

/** {@code world.mode=weave}: agents weave ticks of typed blocks in a text world ({@link WeaveBatch}). Stateless. */
public final class WeaveMode implements WorldMode {
  @Override
  public String name() {
    return "weave";
  }

  @Override
  public WorldFactory wrap(WorldFactory inner) {
    return new WeaveWorldFactory(inner);
  }
}
