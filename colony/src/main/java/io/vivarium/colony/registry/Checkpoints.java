package io.vivarium.colony.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of the registry's {@code checkpoints} table (the files themselves belong to the
 * checkpoint store). Thread-safe: every read opens its own read-only connection.
 */
public final class Checkpoints {
  private static final String COLUMNS =
      "SELECT id, agent, step, file, sha256, bytes, fitness, created_ms, pruned_ms FROM checkpoints ";
  private final Reader reader;

  Checkpoints(Reader reader) {
    this.reader = reader;
  }

  /** The newest {@code limit} checkpoints, of {@code agent} unless it is {@code null}. */
  public List<CheckpointRow> newest(String agent, int limit) {
    return agent == null
        ? reader.list(COLUMNS + "ORDER BY id DESC LIMIT ?", Checkpoints::row, limit)
        : reader.list(COLUMNS + "WHERE agent = ? ORDER BY id DESC LIMIT ?", Checkpoints::row, agent, limit);
  }

  /** Every checkpoint row, pruned ones included, oldest first. */
  public List<CheckpointRow> all() {
    return reader.list(COLUMNS + "ORDER BY id", Checkpoints::row);
  }

  /** Checkpoint {@code id}, or empty. */
  public Optional<CheckpointRow> get(long id) {
    return reader.first(COLUMNS + "WHERE id = ?", Checkpoints::row, id);
  }

  /** How many checkpoints are recorded, of {@code agent} unless it is {@code null}. */
  public long count(String agent) {
    return agent == null
        ? reader.scalar("SELECT COUNT(*) FROM checkpoints", 0)
        : reader.scalar("SELECT COUNT(*) FROM checkpoints WHERE agent = ?", 0, agent);
  }

  private static CheckpointRow row(ResultSet rs) throws SQLException {
    rs.getLong(9);
    boolean pruned = !rs.wasNull();
    return new CheckpointRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
        rs.getLong(6), rs.getDouble(7), rs.getLong(8), pruned);
  }
}
