package io.vivarium.core.world;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of world factories on the class path, by name. Thread-safe. */
public final class Worlds {
  private Worlds() {}

  /** Every registered world, by name. */
  public static List<WorldFactory> all() {
    TreeMap<String, WorldFactory> byName = new TreeMap<>();
    for (WorldFactory f : ServiceLoader.load(WorldFactory.class)) {
      byName.put(f.name(), f);
    }
    return new ArrayList<>(byName.values());
  }

  /** The world named {@code name}; an unknown name lists the known ones. */
  public static WorldFactory get(String name) {
    List<WorldFactory> all = all();
    for (WorldFactory f : all) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown world '" + name + "'; known worlds: "
            + all.stream().map(WorldFactory::name).toList());
  }

  /**
   * Throws the standard error for an unknown preset of {@code world}: it names the preset and
   * lists the known ones.
   */
  public static IllegalArgumentException unknownPreset(String world, String preset, List<String> known) {
    return new IllegalArgumentException(
        "unknown " + world + " preset '" + preset + "'; known presets: " + known);
  }
}
