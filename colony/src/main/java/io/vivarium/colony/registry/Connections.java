package io.vivarium.colony.registry;

import java.sql.SQLException;
import java.util.List;

/**
 * A registry's connections to its database, chosen by its location: on SQLite a reader opening
 * read-only connections and one writer thread; on PostgreSQL one pool for both. Opening a
 * writable one migrates the schema; opening a read-only one checks the version is current.
 * Thread-safe.
 */
final class Connections implements AutoCloseable {
  final RegistryLocation location;
  final Dialect dialect;
  final Reader reader;
  /** The writes; null when read-only. */
  final Writes writer;
  /** The PostgreSQL pool (reads and writes); null on SQLite. */
  private final PostgresPool pool;

  private Connections(RegistryLocation location, Dialect dialect, Reader reader, Writes writer, PostgresPool pool) {
    this.location = location;
    this.dialect = dialect;
    this.reader = reader;
    this.writer = writer;
    this.pool = pool;
  }

  static Connections open(RegistryLocation location, boolean readOnly, List<String> migrations) throws SQLException {
    Connections c;
    if (location.postgres()) {
      PostgresPool pool = PostgresPool.open(location, readOnly);
      c = new Connections(location, Dialect.POSTGRESQL, new Reader(location, pool::read), readOnly ? null : pool,
          pool);
    } else {
      Reader reader = new Reader(location, () -> SqliteWriter.readOnly(location));
      c = new Connections(location, Dialect.SQLITE, reader,
          readOnly ? null : new SqliteWriter(location, migrations), null);
    }
    try {
      if (readOnly) {
        c.reader.with(k -> Migrator.checkVersion(location, c.dialect, k, migrations.size(), true));
      } else if (c.pool != null) {
        c.pool.migrate(migrations);
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Waits for pending writes and closes the writer and the pool. Idempotent. */
  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
    if (pool != null) {
      pool.close();
    }
  }
}
