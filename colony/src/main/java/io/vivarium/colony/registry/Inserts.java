package io.vivarium.colony.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The registry's batched and compound writes, run by {@link Registry} on a writer's connection
 * inside one transaction, in SQL both SQLite and PostgreSQL run. Stateless.
 */
final class Inserts {
  private Inserts() {}

  static Void episodes(Connection c, String agent, List<EpisodeRecord> episodes, long now) throws SQLException {
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
  }

  static Void metrics(Connection c, List<MetricRow> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO metrics (agent, step, name, value, time_ms) VALUES (?, ?, ?, ?, ?)")) {
      for (MetricRow m : rows) {
        ps.setString(1, m.agent());
        ps.setLong(2, m.step());
        ps.setString(3, m.name());
        ps.setDouble(4, m.value());
        ps.setLong(5, m.timeMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return null;
  }

  /** Appends {@code rows}, then drops all but the newest {@code keep} outputs of each agent written. */
  static Void outputs(Connection c, List<OutputRow> rows, int keep) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO outputs (agent, step, bytes, reward, details, time_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (OutputRow o : rows) {
        ps.setString(1, o.agent());
        ps.setLong(2, o.step());
        ps.setBytes(3, o.bytes());
        ps.setDouble(4, o.reward());
        ps.setString(5, o.details());
        ps.setLong(6, o.timeMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("""
        DELETE FROM outputs WHERE agent = ? AND id <= (
          SELECT id FROM outputs WHERE agent = ? ORDER BY id DESC LIMIT 1 OFFSET ?)""")) {
      for (String agent : rows.stream().map(OutputRow::agent).distinct().toList()) {
        ps.setString(1, agent);
        ps.setString(2, agent);
        ps.setInt(3, keep);
        ps.executeUpdate();
      }
    }
    return null;
  }

  /** Appends {@code rows}, then drops all but the newest {@code keep} blocks of each agent written. */
  static Void blocks(Connection c, List<BlockRow> rows, int keep) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO blocks (agent, step, episode, tick, block, type,"
        + " time_ms, text, reward, well_formed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (BlockRow b : rows) {
        ps.setString(1, b.agent());
        ps.setLong(2, b.step());
        ps.setLong(3, b.episode());
        ps.setLong(4, b.tick());
        ps.setLong(5, b.block());
        ps.setString(6, b.type());
        ps.setLong(7, b.timeMillis());
        ps.setString(8, b.text());
        ps.setDouble(9, b.reward());
        ps.setInt(10, b.wellFormed() ? 1 : 0);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("""
        DELETE FROM blocks WHERE agent = ? AND id <= (
          SELECT id FROM blocks WHERE agent = ? ORDER BY id DESC LIMIT 1 OFFSET ?)""")) {
      for (String agent : rows.stream().map(BlockRow::agent).distinct().toList()) {
        ps.setString(1, agent);
        ps.setString(2, agent);
        ps.setInt(3, keep);
        ps.executeUpdate();
      }
    }
    return null;
  }

  static long vote(Connection c, String agent, String voter, long now) throws SQLException {
    update(c, "INSERT INTO votes (agent, voter, time_ms) VALUES (?, ?, ?) ON CONFLICT (agent, voter) DO NOTHING",
        agent, voter, now);
    try (PreparedStatement ps = Reader.prepare(c, "SELECT COUNT(*) FROM votes WHERE agent = ?", agent);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Runs the write {@code sql} and returns how many rows it changed. */
  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = Reader.prepare(c, sql, params)) {
      return ps.executeUpdate();
    }
  }

  /** Runs {@code sql}, an {@code INSERT ... RETURNING id}, and returns the new row's id (from the database). */
  static long returningId(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = Reader.prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("INSERT ... RETURNING id returned no row: " + sql);
      }
      return rs.getLong(1);
    }
  }
}
