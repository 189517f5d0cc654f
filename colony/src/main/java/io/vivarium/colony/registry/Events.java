package io.vivarium.colony.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of the registry's {@code events} table. Thread-safe: every read opens its own
 * read-only connection.
 */
public final class Events {
  private final Reader reader;

  Events(Reader reader) {
    this.reader = reader;
  }

  /**
   * Events with ids above {@code afterId}, oldest first, at most {@code limit}, of one agent
   * and one kind when those are not {@code null}.
   */
  public List<EventRow> after(long afterId, int limit, String agent, String kind) {
    List<Object> params = new ArrayList<>(List.of(afterId));
    StringBuilder where = new StringBuilder("WHERE id > ?");
    if (agent != null) {
      where.append(" AND agent = ?");
      params.add(agent);
    }
    if (kind != null) {
      where.append(" AND kind = ?");
      params.add(kind);
    }
    params.add(limit);
    return reader.list("SELECT id, time_ms, kind, agent, json FROM events " + where + " ORDER BY id LIMIT ?",
        rs -> new EventRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        params.toArray());
  }

  /** The JSON details of every {@code kind} event of {@code agent}, oldest first. */
  public List<String> json(String kind, String agent) {
    return reader.list("SELECT json FROM events WHERE kind = ? AND agent = ? ORDER BY id", rs -> rs.getString(1),
        kind, agent);
  }

  /** How many {@code kind} events there are, of {@code agent} when it is not {@code null}. */
  public long count(String kind, String agent) {
    return agent == null
        ? reader.scalar("SELECT COUNT(*) FROM events WHERE kind = ?", 0, kind)
        : reader.scalar("SELECT COUNT(*) FROM events WHERE kind = ? AND agent = ?", 0, kind, agent);
  }

  /** The newest event id, 0 when there is none. */
  public long lastId() {
    return reader.scalar("SELECT MAX(id) FROM events", 0);
  }
}
