package io.vivarium.colony.replay;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  private static final String COLUMNS =
      "SELECT id, agent, world, preset, level, seed, steps, return, success, actions, time_ms FROM episodes ";

  /** The agent's episode {@code id}, or its newest when {@code id} is null. */
  public static Episode find(Registry registry, String agent, Long id) {
    List<Episode> found = query(registry, id == null
        ? "WHERE agent = ? ORDER BY id DESC LIMIT 1" : "WHERE agent = ? AND id = ?",
        id == null ? new Object[] {agent} : new Object[] {agent, id});
    if (found.isEmpty()) {
      throw new IllegalArgumentException(id == null
          ? "agent " + agent + " has no recorded episode yet; let the colony run a little longer"
          : "agent " + agent + " has no episode " + id + "; 'vivarium replay " + agent
              + "' without a number replays its latest");
    }
    return found.get(0);
  }

  /** The ids of the agent's newest {@code limit} episodes, newest first. */
  public static List<Long> ids(Registry registry, String agent, int limit) {
    List<Long> out = new ArrayList<>();
    registry.query("SELECT id FROM episodes WHERE agent = ? ORDER BY id DESC LIMIT ?",
        rs -> out.add(rs.getLong(1)), agent, limit);
    return out;
  }

  private static List<Episode> query(Registry registry, String where, Object... params) {
    List<Episode> out = new ArrayList<>();
    registry.query(COLUMNS + where, rs -> out.add(new Episode(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getInt(7), rs.getDouble(8), rs.getInt(9) != 0,
        rs.getBytes(10), rs.getLong(11))), params);
    return out;
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
