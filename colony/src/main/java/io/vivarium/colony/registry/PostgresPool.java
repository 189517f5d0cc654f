package io.vivarium.colony.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL registry's connections: a small HikariCP pool shared by its reads and writes.
 * Each write is one transaction on a pooled connection; several colony nodes write the same
 * database at once, so ids come from the database (identity columns, {@code RETURNING id}) and a
 * transaction the server aborts as a deadlock or serialisation failure is run again.
 *
 * <p>Thread-safe. The password goes to the driver as a property and is never logged.
 */
final class PostgresPool implements Writes {
  private static final Logger log = LoggerFactory.getLogger(PostgresPool.class);
  /** Connections per registry: a node's writes are few and short; reads are brief. */
  private static final int SIZE = 4;
  private static final int ATTEMPTS = 5;

  private final RegistryLocation where;
  private final HikariDataSource pool;

  private PostgresPool(RegistryLocation where, HikariDataSource pool) {
    this.where = where;
    this.pool = pool;
  }

  /**
   * Connects to {@code where} (one clear line when the server is unreachable, the login is
   * refused or the database is missing) and opens the pool, read-only when {@code readOnly}.
   */
  static PostgresPool open(RegistryLocation where, boolean readOnly) {
    Properties props = properties(where);
    try (Connection c = DriverManager.getConnection(where.jdbcUrl(), props)) {
      warnOnCollation(where, c);
    } catch (SQLException e) {
      throw new IllegalStateException(explain(where, e));
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(where.jdbcUrl());
    config.setDataSourceProperties(props);
    config.setPoolName("registry " + where.server() + "/" + where.database());
    config.setMaximumPoolSize(SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    config.setReadOnly(readOnly);
    return new PostgresPool(where, new HikariDataSource(config));
  }

  /** Brings the schema forward to {@code migrations} (serialised between nodes by an advisory lock). */
  void migrate(List<String> migrations) throws SQLException {
    try (Connection c = pool.getConnection()) {
      Migrator.migrate(where, Dialect.POSTGRESQL, c, migrations);
    }
  }

  /** A pooled connection for one read; the caller closes it. */
  Connection read() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public <T> T write(Registry.Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = pool.getConnection()) {
        return Transaction.on(c, work);
      } catch (SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if ((state.equals("40001") || state.equals("40P01")) && attempt < ATTEMPTS) {
          log.debug("registry write aborted by the server ({}), attempt {}: retrying", state, attempt);
          continue;
        }
        throw new IllegalStateException("registry write failed (" + where + "): " + oneLine(e), e);
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static Properties properties(RegistryLocation where) {
    Properties p = new Properties();
    p.setProperty("user", where.user());
    if (where.password() != null) {
      p.setProperty("password", where.password());
    }
    p.setProperty("ApplicationName", "vivarium");
    p.setProperty("connectTimeout", "10");
    return p;
  }

  /** One line saying what failed at {@code where}, and what to check. */
  static String explain(RegistryLocation where, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String why = oneLine(e);
    if (state.equals("28P01") || state.equals("28000") || state.equals("08004")) {
      return "PostgreSQL at " + where.server() + " refused the login of role '" + where.user() + "' to database '"
          + where.database() + "' (" + why + "); check the user and its password (in the location or PGPASSWORD) "
          + "and the server's pg_hba.conf";
    }
    if (state.equals("3D000")) {
      return "PostgreSQL at " + where.server() + " has no database '" + where.database() + "'; create it as "
          + "docs/colony.md shows (CREATE DATABASE " + where.database() + " OWNER " + where.user() + " ...)";
    }
    if (state.startsWith("08")) {
      return "cannot reach PostgreSQL at " + where.server() + " (" + why + "); check that the server runs and "
          + "listens on that host and port (listen_addresses, firewall)";
    }
    return "cannot open the registry at " + where + ": " + why;
  }

  private static String oneLine(SQLException e) {
    return String.valueOf(e.getMessage()).replaceAll("\\s*\\n\\s*", " ").strip();
  }

  private static void warnOnCollation(RegistryLocation where, Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
      if (rs.next() && !rs.getString(1).equals("C") && !rs.getString(1).equals("POSIX")) {
        log.warn("registry database {} on {} sorts text by collation {}, not by code point as SQLite does; "
            + "create it with LC_COLLATE 'C' (docs/colony.md)", where.database(), where.server(), rs.getString(1));
      }
    }
  }
}
