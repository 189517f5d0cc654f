package io.vivarium.core.world;

import io.vivarium.core.config.WorldConfig;
import java.util.Objects;

/**
 * What a colony lends the worlds it makes: the world's configuration (the reward, world-specific
 * settings such as {@code world.exec}) and the colony's shared byte counts. A world reads what
 * concerns it and ignores the rest. Immutable; the counts are thread-safe.
 *
 * @param config the world's configuration
 * @param counts the colony-wide byte counts (seed 000's shared distribution)
 */
public record WorldContext(WorldConfig config, ColonyCounts counts) {
  public WorldContext {
    Objects.requireNonNull(config, "world config");
    Objects.requireNonNull(counts, "colony counts");
  }

  /** The defaults, with counts of this process only: what a world gets outside a colony. */
  public static WorldContext standalone() {
    return new WorldContext(WorldConfig.defaults(), ColonyCounts.local());
  }
}
