package io.vivarium.colony.registry;

import java.util.Objects;

/**
 * A finished episode to record, as the registry keeps it. Immutable; the action bytes are owned.
 *
 * @param world the world's name
 * @param preset the world preset
 * @param level the curriculum level (gold: radius) the episode started with, 0 when none
 * @param seed the seed that starts the same episode on a single world of this preset and level
 * @param steps its steps
 * @param ret its return
 * @param success whether it ended by termination (the task was done)
 * @param actions the motor byte of every step of a one-byte world; empty for worlds that act in byte
 *     sequences (such episodes are counted but cannot be replayed)
 */
public record EpisodeRecord(String world, String preset, int level, long seed, int steps, double ret, boolean success,
    byte[] actions) {
  public EpisodeRecord {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(actions, "actions");
    if (actions.length != 0 && steps != actions.length) {
      throw new IllegalArgumentException("episode steps " + steps + " differ from its " + actions.length + " actions");
    }
  }
}
