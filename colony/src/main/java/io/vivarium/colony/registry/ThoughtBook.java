package io.vivarium.colony.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Trees of thought in the registry (table {@code thoughts}): each tree an agent (or a person with
 * {@code vivarium think}) thought, as JSON, with its conclusion and score; the zookeeper draws
 * them. Thread-safe: writes go through the registry's writer, reads open their own connection.
 */
public final class ThoughtBook {
  private static final String COLUMNS = "SELECT id, agent, time_ms, query, tree, conclusion, score FROM thoughts ";
  private final Registry registry;
  private final Reader reader;

  ThoughtBook(Registry registry, Reader reader) {
    this.registry = registry;
    this.reader = reader;
  }

  /** Records a tree and returns its id. */
  public long add(String agent, String query, String treeJson, String conclusion, double score) {
    if (agent == null || agent.isBlank() || query == null || treeJson == null || conclusion == null) {
      throw new IllegalArgumentException("a recorded thought needs an agent, a query, a tree and a conclusion");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("a thought's score must be in [0, 1]; got " + score);
    }
    long now = System.currentTimeMillis();
    return registry.write(c -> Inserts.returningId(c, "INSERT INTO thoughts (agent, time_ms, query, tree, conclusion,"
        + " score) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", agent, now, query, treeJson, conclusion, score));
  }

  /** Tree {@code id}, or empty. */
  public Optional<ThoughtRow> get(long id) {
    return reader.first(COLUMNS + "WHERE id = ?", ThoughtBook::row, id);
  }

  /** The newest {@code limit} trees, newest first. */
  public List<ThoughtRow> recent(int limit) {
    return reader.list(COLUMNS + "ORDER BY id DESC LIMIT ?", ThoughtBook::row, limit);
  }

  /** How many trees are recorded. */
  public long count() {
    return reader.scalar("SELECT COUNT(*) FROM thoughts", 0);
  }

  private static ThoughtRow row(ResultSet rs) throws SQLException {
    return new ThoughtRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getDouble(7));
  }
}
