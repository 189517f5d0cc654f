package io.vivarium.worlds.repair;

import io.vivarium.core.world.Worlds;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The registered repair presets, the default first. Besides the fixed ones,
 * {@code repair-only-OPERATION} (e.g. {@code repair-only-duplicate_word}) is a single-operation
 * preset restricted to one operation, for per-operation evaluation and curricula.
 *
 * <p>Stateless and thread-safe.
 */
public final class RepairPresets {
  private static final String ONLY = "repair-only-";
  private static final List<RepairPreset> FIXED = List.of(
      RepairPreset.of("repair-1to3", 1, 3, 0, false),
      RepairPreset.of("repair-single", 1, 1, 0, false),
      RepairPreset.of("repair-hard", 3, 10, 0, false),
      RepairPreset.of("repair-herrings", 1, 3, 2, false),
      RepairPreset.of("repair-diagnosed", 1, 3, 0, true),
      // Short passages for small brains: 200 characters, 2–4 lines.
      RepairPreset.of("repair-short", 1, 3, 0, false).withPassageChars("repair-short", 200),
      RepairPreset.of("repair-short-single", 1, 1, 0, false)
          .withPassageChars("repair-short-single", 200));

  private RepairPresets() {}

  /** The names of the fixed presets, the default first. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    FIXED.forEach(p -> names.add(p.name()));
    return names;
  }

  /** The preset named {@code name}; an unknown name lists the known ones. */
  public static RepairPreset get(String name) {
    for (RepairPreset p : FIXED) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    if (name.startsWith(ONLY)) {
      Operation op = Operation.of(name.substring(ONLY.length()));
      return new RepairPreset(name, 1, 1, 0, false, EnumSet.of(op), RepairPreset.PASSAGE_CHARS);
    }
    List<String> known = names();
    known.add(ONLY + "<operation>");
    throw Worlds.unknownPreset("repair", name, known);
  }
}
