package io.vivarium.worlds.gold;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import java.util.List;

/**
 * Registers the gold world with {@link io.vivarium.core.world.Worlds}. Batches are the fast
 * {@link GoldBatch}, single-threaded (the colony runs many agents on the cores already);
 * build a {@code GoldBatch} directly to spread one batch over several threads.
 *
 * <p>Stateless; thread-safe.
 */
public final class GoldWorldFactory implements io.vivarium.core.world.WorldFactory {
  @Override
  public String name() {
    return "gold";
  }

  @Override
  public String description() {
    return "seed 001's grid game: turn left or right, go forward, eat the gold (MiniGrid rewards)";
  }

  @Override
  public List<String> presets() {
    return GoldPresets.names();
  }

  /** The 6×6 room seen through a 7×7 egocentric view: what PPO learns fastest (docs/colony.md). */
  @Override
  public String defaultPreset() {
    return "gold-bare-6x6+ego7";
  }

  @Override
  public World create(String preset) {
    return new GoldWorld(GoldPresets.get(preset));
  }

  /** A room whose gold is placed within radius {@code level} of the agent (0: anywhere), as a curriculum placed it. */
  @Override
  public World create(String preset, int level) {
    GoldWorld w = new GoldWorld(GoldPresets.get(preset));
    w.setGoldRadius(level);
    return w;
  }

  @Override
  public WorldBatch batch(String preset, int size) {
    return new GoldBatch(GoldPresets.get(preset), size, 1);
  }
}
