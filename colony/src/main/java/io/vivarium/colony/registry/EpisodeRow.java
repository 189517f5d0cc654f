package io.vivarium.colony.registry;

import java.util.Objects;

/**
 * A finished episode as the registry lists it (its action bytes are read separately). Immutable.
 *
 * @param id the registry's id
 * @param agent who played it
 * @param world the world's name
 * @param preset the world's preset
 * @param level the curriculum level at its start
 * @param seed the seed its world was reset with
 * @param steps its length
 * @param ret its return
 * @param success whether it ended by success
 * @param timeMillis when it ended
 */
public record EpisodeRow(long id, String agent, String world, String preset, int level, long seed, int steps,
    double ret, boolean success, long timeMillis) {
  public EpisodeRow {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(preset, "preset");
  }
}
