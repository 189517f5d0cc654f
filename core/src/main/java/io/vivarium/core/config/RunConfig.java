package io.vivarium.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The configuration of a run, resolved in layers: the defaults, then the stored configuration of
 * the colony being resumed (its {@code config.toml}), then a TOML file ({@code --config}), then
 * {@code key=value} overrides. A layer that names a world without its preset gets that world's
 * default preset, unless an earlier layer set a preset for the same world, and the world's
 * suggested settings for keys no layer set (exec's batch and groups); on resume, every key
 * whose value differs from the stored one is listed. Immutable and thread-safe.
 *
 * @param config the effective configuration
 * @param changes one line per key a resume changes, e.g. {@code changed on resume: learn.lr 0.001
 *     -> 0.002}; empty when nothing is resumed
 */
public record RunConfig(VivariumConfig config, List<String> changes) {
  private static final String NAME = "world.name";
  private static final String PRESET = "world.preset";

  public RunConfig {
    Objects.requireNonNull(config, "config");
    changes = List.copyOf(changes);
  }

  /**
   * Resolves the layers.
   *
   * @param stored the resumed colony's {@code config.toml}, or {@code null} when starting
   * @param file a TOML file, or {@code null} for none
   * @param overrides {@code key=value} strings, applied last, in order
   * @param defaultPreset a world's default preset by world name; throws for an unknown world
   */
  public static RunConfig resolve(Path stored, Path file, List<String> overrides,
      UnaryOperator<String> defaultPreset) {
    return resolve(stored, file, overrides, defaultPreset, world -> Map.of());
  }

  /**
   * As {@link #resolve(Path, Path, List, UnaryOperator)}, and then the world's suggested settings
   * ({@code suggestions}, by world name) for every key no layer set.
   */
  public static RunConfig resolve(Path stored, Path file, List<String> overrides,
      UnaryOperator<String> defaultPreset, Function<String, Map<String, Object>> suggestions) {
    java.util.Set<String> set = new java.util.HashSet<>();
    Map<String, Object> values = ConfigResolver.flatten(VivariumConfig.defaults());
    String presetWorld = (String) values.get(NAME); // the world the current preset was set for
    Map<String, Object> before = null;
    if (stored != null) {
      Map<String, Object> layer = new LinkedHashMap<>();
      ConfigResolver.readToml(stored, "the resumed colony's " + stored, layer);
      layer.values().removeIf(ConfigResolver.REDACTED::equals); // secrets are never stored
      set.addAll(layer.keySet());
      presetWorld = apply(values, layer, presetWorld);
      before = new LinkedHashMap<>(values);
    }
    if (file != null) {
      Map<String, Object> layer = new LinkedHashMap<>();
      ConfigResolver.readToml(file, "--config " + file, layer);
      set.addAll(layer.keySet());
      presetWorld = apply(values, layer, presetWorld);
    }
    Map<String, Object> layer = new LinkedHashMap<>();
    ConfigResolver.override(overrides, layer);
    set.addAll(layer.keySet());
    presetWorld = apply(values, layer, presetWorld);
    String world = (String) values.get(NAME);
    if (!world.equals(presetWorld)) {
      values.put(PRESET, defaultPreset.apply(world));
    }
    suggestions.apply(world).forEach((key, value) -> {
      if (!set.contains(key)) {
        values.put(key, value);
      }
    });
    VivariumConfig config = ConfigResolver.build(values);
    return new RunConfig(config, before == null ? List.of() : changes(before, values));
  }

  /** Puts {@code layer} over {@code values}; returns the world the preset is now set for. */
  private static String apply(Map<String, Object> values, Map<String, Object> layer, String presetWorld) {
    values.putAll(layer);
    return layer.containsKey(PRESET) ? (String) values.get(NAME) : presetWorld;
  }

  /** One line per non-secret key whose value differs from the stored one. */
  private static List<String> changes(Map<String, Object> before, Map<String, Object> after) {
    List<String> out = new ArrayList<>();
    for (ConfigKey k : ConfigResolver.keys()) {
      Object was = before.get(k.path());
      Object now = after.get(k.path());
      if (!Objects.equals(was, now) && !k.component().isAnnotationPresent(Secret.class)) {
        out.add("changed on resume: " + k.path() + " " + was + " -> " + now);
      }
    }
    return out;
  }
}
