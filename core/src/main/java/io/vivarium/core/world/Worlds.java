package io.vivarium.core.world;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of world factories on the class path, by name. Thread-safe. */
public final class Worlds {
  /** The mode in which agents act on a world directly ({@code world.mode}). */
  public static final String PLAIN = "plain";

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
   * The world {@code config} names, as its {@code world.mode} makes it: {@code plain} is the
   * world's own factory; another mode wraps it ({@link WorldMode}). An unknown world or mode lists
   * the known ones.
   */
  public static WorldFactory of(io.vivarium.core.config.WorldConfig config) {
    WorldFactory inner = get(config.name());
    if (config.mode().equals(PLAIN)) {
      return inner;
    }
    List<String> known = new ArrayList<>(List.of(PLAIN));
    for (WorldMode m : ServiceLoader.load(WorldMode.class)) {
      if (m.name().equals(config.mode())) {
        return m.wrap(inner);
      }
      known.add(m.name());
    }
    throw new IllegalArgumentException("unknown world.mode '" + config.mode() + "'; known modes: " + known);
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
