package io.vivarium.colony.replay;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.Registry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished episode as the registry records it, enough to replay it exactly: the world and
 * preset, the curriculum level it started at, the seed of {@code World.reset}, and the actions,
 * one motor byte per step.
 *
 * @param id the registry's id
 * @param agent who played it
 * @param world the world's name ({@code gold})
 * @param preset the world's preset ({@code gold-bare-6x6})
 * @param level the curriculum level at the start (gold: the gold radius, 0 = anywhere)
 * @param seed the seed a single world is reset with
 * @param steps its length
 * @param ret its return as recorded
 * @param success whether it ended by success (termination)
 * @param actions one motor byte per step
 * @param timeMillis when it ended
 */
public record Episode(long id, String agent, String world, String preset, int level, long seed, int steps,
    double ret, boolean success, byte[] actions, long timeMillis) {
  public Episode {
    AgentRow.checkId(agent);
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(actions, "actions");
    if (steps < 1 || steps != actions.length) {
      throw new IllegalArgumentException("episode " + id + " of " + agent + " records " + steps + " steps but "
          + actions.length + " actions; a replayable episode has one motor byte per step");
    }
  }

  /** The agent's episode {@code id}, or its newest when {@code id} is null. */
  public static Episode find(Registry registry, String agent, Long id) {
    Optional<EpisodeRow> row = id == null ? registry.episodes().newest(agent)
        : registry.episodes().get(id).filter(e -> e.agent().equals(agent));
    if (row.isEmpty()) {
      throw new IllegalArgumentException(id == null
          ? "agent " + agent + " has no recorded episode yet; let the colony run a little longer"
          : "agent " + agent + " has no episode " + id + "; 'vivarium replay " + agent
              + "' without a number replays its latest");
    }
    EpisodeRow e = row.get();
    byte[] actions = registry.episodes().actions(e.id()).orElseThrow(() ->
        new IllegalStateException("episode " + e.id() + " vanished from the registry while being read"));
    return new Episode(e.id(), e.agent(), e.world(), e.preset(), e.level(), e.seed(), e.steps(), e.ret(),
        e.success(), actions, e.timeMillis());
  }

  /** The ids of the agent's newest {@code limit} episodes, newest first. */
  public static List<Long> ids(Registry registry, String agent, int limit) {
    return registry.episodes().ids(agent, limit);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Episode e && e.id == id && e.agent.equals(agent) && e.world.equals(world)
        && e.preset.equals(preset) && e.level == level && e.seed == seed && e.steps == steps
        && Double.compare(e.ret, ret) == 0 && e.success == success && java.util.Arrays.equals(e.actions, actions)
        && e.timeMillis == timeMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, agent, seed, java.util.Arrays.hashCode(actions));
  }

  @Override
  public String toString() {
    return "episode " + id + " of " + agent + " (" + world + "/" + preset + ", level " + level + ", seed " + seed
        + ", " + steps + " steps, return " + ret + ")";
  }
}
