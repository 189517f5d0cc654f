package io.vivarium.core.world;

import java.util.List;

/**
 * Makes the instances of one kind of world from named presets. Implementations are found with
 * {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/io.vivarium.core.world.WorldFactory}) and looked up by
 * {@link Worlds}.
 */
public interface WorldFactory {
  /** The world's name, e.g. {@code gold}. */
  String name();

  /** One sentence saying what the world is. */
  String description();

  /** The known presets, the default first. */
  List<String> presets();

  /**
   * The preset a run of this world gets when none is given: the first of {@link #presets()}
   * unless the world overrides it (gold's default carries a modifier).
   */
  default String defaultPreset() {
    return presets().get(0);
  }

  /** A new single instance built from {@code preset}; an unknown preset lists the known ones. */
  World create(String preset);

  /**
   * A single instance of {@code preset} whose episodes start at curriculum {@code level} (gold:
   * the radius of the gold, 0 = anywhere), so that a recorded episode replays exactly; worlds
   * without levels accept only 0.
   *
   * @throws IllegalArgumentException for a level this world does not have
   */
  default World create(String preset, int level) {
    if (level != 0) {
      throw new IllegalArgumentException("world " + name() + " has no curriculum levels; got level " + level);
    }
    return create(preset);
  }

  /**
   * What instances of {@code preset} promise (an unknown preset lists the known ones). Checks
   * before a run use it; worlds whose instances start machinery (exec's sandbox) answer without
   * starting it.
   */
  default Spec spec(String preset) {
    try (World w = create(preset)) {
      return w.spec();
    }
  }

  /** Whether batches of {@code preset} have the {@link Expert} capability (a move for every state). */
  default boolean hasExpert(String preset) {
    try (WorldBatch b = batch(preset, 1)) {
      return b instanceof Expert;
    }
  }

  /** A batch of {@code size} instances; worlds with a faster batch override this. */
  default WorldBatch batch(String preset, int size) {
    return WorldBatch.of(() -> create(preset), size);
  }
}
