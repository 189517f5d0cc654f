package io.vivarium.colony.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the registry's read queries, each on a connection of its own from {@link Source} (a new
 * read-only SQLite connection, or one from the PostgreSQL pool); the only place outside the
 * writers where SQL meets JDBC. Thread-safe (it holds no connection).
 */
final class Reader {
  private final RegistryLocation where;
  private final Source source;

  /** Opens a connection for one read; the reader closes it. */
  @FunctionalInterface
  interface Source {
    Connection open() throws SQLException;
  }

  Reader(RegistryLocation where, Source source) {
    this.where = where;
    this.source = source;
  }

  /** Maps one row of a query to a value. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Receives one row of a query. */
  @FunctionalInterface
  interface Each {
    void accept(ResultSet rs) throws SQLException;
  }

  Connection open() throws SQLException {
    return source.open();
  }

  /** Runs {@code work} on a connection of its own (no transaction) and returns its result. */
  <T> T with(Registry.Work<T> work) {
    try (Connection c = open()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("registry read failed (" + where + "): " + e.getMessage(), e);
    }
  }

  /** Hands every row of {@code sql} to {@code each}. */
  void each(String sql, Each each, Object... params) {
    try (Connection c = open(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        each.accept(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("registry read failed (" + where + "): " + e.getMessage(), e);
    }
  }

  /** Every row of {@code sql}, mapped. */
  <T> List<T> list(String sql, Row<T> row, Object... params) {
    List<T> out = new ArrayList<>();
    each(sql, rs -> out.add(row.map(rs)), params);
    return out;
  }

  /** The first row of {@code sql}, mapped, or empty. */
  <T> Optional<T> first(String sql, Row<T> row, Object... params) {
    List<T> out = list(sql, row, params);
    return out.isEmpty() ? Optional.empty() : Optional.ofNullable(out.get(0));
  }

  /** The single number {@code sql} yields, or {@code fallback} when it yields none or NULL. */
  long scalar(String sql, long fallback, Object... params) {
    long[] v = {fallback};
    each(sql, rs -> {
      long x = rs.getLong(1);
      v[0] = rs.wasNull() ? fallback : x;
    }, params);
    return v[0];
  }

  static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }
}
