package io.vivarium.colony.runtime;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.Registry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/**
 * The colony runtime's registry statements beyond {@link Registry}'s own: a turn's episodes
 * in one transaction, votes, and what a resumed agent reads back. Stateless; thread-safe as
 * the registry is.
 */
final class Records {
  private Records() {}

  /** Writes {@code episodes} of {@code agent} in one transaction. */
  static void addEpisodes(Registry registry, String agent, List<EpisodeRecord> episodes) {
    if (episodes.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    registry.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("""
          INSERT INTO episodes (agent, world, preset, level, seed, steps, return, success, actions, time_ms)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
        for (EpisodeRecord e : episodes) {
          ps.setString(1, agent);
          ps.setString(2, e.world());
          ps.setString(3, e.preset());
          ps.setInt(4, e.level());
          ps.setLong(5, e.seed());
          ps.setInt(6, e.steps());
          ps.setDouble(7, e.ret());
          ps.setInt(8, e.success() ? 1 : 0);
          ps.setBytes(9, e.actions());
          ps.setLong(10, now);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** Records {@code voter}'s vote against {@code agent} (once per voter) and returns the agent's vote count. */
  static long vote(Registry registry, String agent, String voter) {
    return registry.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT OR IGNORE INTO votes (agent, voter, time_ms) VALUES (?, ?, ?)")) {
        ps.setString(1, agent);
        ps.setString(2, voter);
        ps.setLong(3, System.currentTimeMillis());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM votes WHERE agent = ?")) {
        ps.setString(1, agent);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.getLong(1);
        }
      }
    });
  }

  /** The registry's row of {@code agent}. */
  static Optional<AgentRow> agent(Registry registry, String agent) {
    return registry.agent(agent);
  }

  /** The JSON of {@code agent}'s birth event, or {@code null}. */
  static String birthJson(Registry registry, String agent) {
    List<String> births = registry.events().json("birth", agent);
    return births.isEmpty() ? null : births.get(births.size() - 1);
  }

  /** The curriculum level of {@code agent}'s latest recorded episode, 1 when it has none. */
  static int lastLevel(Registry registry, String agent) {
    return registry.episodes().newest(agent).map(EpisodeRow::level).orElse(1);
  }

  /** The latest total of people's rewards to {@code agent}, 0 when none. */
  static double humanReward(Registry registry, String agent) {
    return registry.metrics().latest(agent, "human_reward").orElse(0);
  }
}
