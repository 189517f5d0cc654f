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

  /**
   * What instances of {@code preset} promise in a colony that lends them {@code context} (its
   * settings may change what they show); the default ignores the context.
   */
  default Spec spec(String preset, WorldContext context) {
    oneReward(context);
    return spec(preset);
  }

  /** Whether batches of {@code preset} have the {@link Expert} capability (a move for every state). */
  default boolean hasExpert(String preset) {
    try (WorldBatch b = batch(preset, 1)) {
      return b instanceof Expert;
    }
  }

  /**
   * Whether batches of {@code preset} have the {@link TextExpert} capability (a good answer for
   * every state of a byte-sequence world). Worlds whose batches start machinery override this.
   */
  default boolean hasTextExpert(String preset) {
    try (WorldBatch b = batch(preset, 1)) {
      return b instanceof TextExpert;
    }
  }

  /**
   * Whether a colony's batches of {@code preset} with {@code context} have the {@link TextExpert}
   * capability; worlds whose expert comes from the colony's configuration (the exec world's
   * {@code world.exec.teacher}) override this. By default the preset decides.
   */
  default boolean hasTextExpert(String preset, WorldContext context) {
    return hasTextExpert(preset);
  }

  /**
   * Whether batches of {@code preset} have the {@link Tools} capability (they can be woven,
   * {@code world.mode=weave}). Worlds whose batches start machinery override this.
   */
  default boolean hasTools(String preset) {
    try (WorldBatch b = batch(preset, 1)) {
      return b instanceof Tools;
    }
  }

  /** A batch of {@code size} instances; worlds with a faster batch override this. */
  default WorldBatch batch(String preset, int size) {
    return WorldBatch.of(() -> create(preset), size);
  }

  /**
   * A batch of {@code size} instances living in a colony that lends them {@code context}: its
   * configuration of the world and its shared counts. Worlds with settings or a reward choice
   * override this; the default ignores the context.
   *
   * @throws IllegalArgumentException when the context asks for what this world cannot do
   */
  default WorldBatch batch(String preset, int size, WorldContext context) {
    oneReward(context);
    return batch(preset, size);
  }

  /** Refuses a {@code world.reward} choice for a world that has one reward of its own. */
  private void oneReward(WorldContext context) {
    if (!context.config().reward().isEmpty()) {
      throw new IllegalArgumentException("world.reward=" + context.config().reward() + ": world " + name()
          + " has one reward of its own; leave world.reward empty");
    }
  }

  /**
   * Whether this world's batches answer people's questions ({@link Asks}: they poll
   * {@code context.asks()} and report answers). A colony of such a world queues asks for its
   * agents and turns text on {@code text:from_parent} into asks; other worlds keep talk. The
   * default says no.
   */
  default boolean takesAsks() {
    return false;
  }

  /**
   * Whether this world's batches hear people's recordings ({@link Recordings}: they poll
   * {@code context.recordings()} and report answers). A colony of such a world queues recordings
   * from {@code audio:from_parent} and the zookeeper for its agents; other colonies refuse them. The
   * default says no.
   */
  default boolean listens() {
    return false;
  }

  /**
   * Settings a run of this world starts with unless the configuration sets them, by key (e.g.
   * exec's {@code world.batch}); applied only where no layer of the run's configuration set the
   * key. The default suggests nothing.
   */
  default java.util.Map<String, Object> suggestions() {
    return java.util.Map.of();
  }
}
