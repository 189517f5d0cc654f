package io.vivarium.colony.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of the registry's {@code episodes} table. Thread-safe: every read opens its own
 * read-only connection.
 */
public final class Episodes {
  private static final String COLUMNS =
      "SELECT id, agent, world, preset, level, seed, steps, return, success, time_ms FROM episodes ";
  private final Reader reader;

  Episodes(Reader reader) {
    this.reader = reader;
  }

  /** Episodes with ids below {@code beforeId}, newest first, of one agent unless it is {@code null}. */
  public List<EpisodeRow> before(String agent, long beforeId, int limit) {
    return agent == null
        ? reader.list(COLUMNS + "WHERE id < ? ORDER BY id DESC LIMIT ?", Episodes::row, beforeId, limit)
        : reader.list(COLUMNS + "WHERE id < ? AND agent = ? ORDER BY id DESC LIMIT ?", Episodes::row, beforeId,
            agent, limit);
  }

  /**
   * The newest {@code limit} episodes, oldest first, of one agent and one world unless they are
   * {@code null} (for exports).
   */
  public List<EpisodeRow> newest(String agent, String world, int limit) {
    String where = agent == null && world == null ? "" : "WHERE " + (agent == null ? "" : "agent = ?")
        + (agent != null && world != null ? " AND " : "") + (world == null ? "" : "world = ?") + " ";
    List<Object> args = new java.util.ArrayList<>();
    if (agent != null) {
      args.add(agent);
    }
    if (world != null) {
      args.add(world);
    }
    args.add(limit);
    return reader.list(COLUMNS + where + "ORDER BY id DESC LIMIT ?", Episodes::row, args.toArray()).reversed();
  }

  /** Episode {@code id}, or empty. */
  public Optional<EpisodeRow> get(long id) {
    return reader.first(COLUMNS + "WHERE id = ?", Episodes::row, id);
  }

  /** {@code agent}'s newest episode, or empty when it has none. */
  public Optional<EpisodeRow> newest(String agent) {
    return reader.first(COLUMNS + "WHERE agent = ? ORDER BY id DESC LIMIT 1", Episodes::row, agent);
  }

  /** The action bytes of episode {@code id} (one motor byte per step), or empty. */
  public Optional<byte[]> actions(long id) {
    return reader.first("SELECT actions FROM episodes WHERE id = ?", rs -> rs.getBytes(1), id);
  }

  /** The action bytes of every episode of {@code agent}, by episode id (one query, for exports). */
  public Map<Long, byte[]> actionsOf(String agent) {
    Map<Long, byte[]> out = new java.util.HashMap<>();
    reader.each("SELECT id, actions FROM episodes WHERE agent = ?", rs -> out.put(rs.getLong(1), rs.getBytes(2)), agent);
    return out;
  }

  /** The ids of {@code agent}'s newest {@code limit} episodes, newest first. */
  public List<Long> ids(String agent, int limit) {
    return reader.list("SELECT id FROM episodes WHERE agent = ? ORDER BY id DESC LIMIT ?", rs -> rs.getLong(1),
        agent, limit);
  }

  /** How many episodes are recorded, of {@code agent} unless it is {@code null}. */
  public long count(String agent) {
    return agent == null
        ? reader.scalar("SELECT COUNT(*) FROM episodes", 0)
        : reader.scalar("SELECT COUNT(*) FROM episodes WHERE agent = ?", 0, agent);
  }

  /** How many episodes each agent has recorded (agents with none are absent). */
  public Map<String, Long> countByAgent() {
    Map<String, Long> out = new HashMap<>();
    reader.each("SELECT agent, COUNT(*) FROM episodes GROUP BY agent", rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  private static EpisodeRow row(ResultSet rs) throws SQLException {
    return new EpisodeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getLong(6), rs.getInt(7), rs.getDouble(8), rs.getInt(9) != 0, rs.getLong(10));
  }
}
