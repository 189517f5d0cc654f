package io.vivarium.worlds.repair;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldFactory;
import java.util.List;

/**
 * Registers the repair world and its presets with {@link io.vivarium.core.world.Worlds}.
 * Stateless and thread-safe.
 */
public final class RepairWorldFactory implements WorldFactory {
  @Override
  public String name() {
    return "repair";
  }

  @Override
  public String description() {
    return "repair a passage damaged by named corruption operations; answer with text or a unified diff";
  }

  @Override
  public List<String> presets() {
    return RepairPresets.names();
  }

  /**
   * {@code repair-short-single}: one operation on a 200-character passage, so that a colony of
   * small brains sees the whole passage and can write its repair within a few hundred positions.
   */
  @Override
  public String defaultPreset() {
    return "repair-short-single";
  }

  @Override
  public World create(String preset) {
    return new RepairWorld(RepairPresets.get(preset));
  }
}
