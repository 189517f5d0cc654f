package io.vivarium.colony.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SQLite registry's one writer: a connection in WAL mode driven by a single thread, each write
 * its own transaction (callers wait, so a returned write is committed), and a passive WAL
 * checkpoint every 30 s and at close so the WAL does not grow without bound. Also opens the
 * read-only connections of its readers.
 *
 * <p>Thread-safe: writes from any thread are queued on the writer thread.
 */
final class SqliteWriter implements Writes {
  private static final Logger log = LoggerFactory.getLogger(SqliteWriter.class);
  private final RegistryLocation file;
  private final Connection connection;
  private final ExecutorService thread;
  private final ScheduledExecutorService wal;
  private boolean closed;

  /** Opens the writer of {@code file}, migrating the schema to {@code migrations}. */
  SqliteWriter(RegistryLocation file, List<String> migrations) throws SQLException {
    this.file = file;
    connection = DriverManager.getConnection(file.jdbcUrl());
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL"); // durable across process crashes in WAL mode
      s.execute("PRAGMA foreign_keys=ON");
      s.execute("PRAGMA busy_timeout=10000");
    }
    Migrator.migrate(file, Dialect.SQLITE, connection, migrations);
    thread = Executors.newSingleThreadExecutor(r -> daemon(r, "registry-writer"));
    wal = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "registry-wal"));
    wal.scheduleWithFixedDelay(this::checkpointWal, 30, 30, TimeUnit.SECONDS);
  }

  /** A new read-only connection to {@code file} (a reader's, for one read). */
  static Connection readOnly(RegistryLocation file) throws SQLException {
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    return DriverManager.getConnection(file.jdbcUrl(), config.toProperties());
  }

  /** Runs {@code work} on the writer thread in one transaction and returns its result. */
  @Override
  public <T> T write(Registry.Work<T> work) {
    Future<T> f = thread.submit(() -> Transaction.on(connection, work));
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the registry", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("registry write failed: " + cause.getMessage(), cause);
    }
  }

  private void checkpointWal() {
    try {
      thread.submit(() -> {
        try (Statement s = connection.createStatement()) {
          s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
        return null;
      }).get();
    } catch (Exception e) {
      log.warn("WAL checkpoint of {} failed: {}", file, e.toString());
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Waits for pending writes, checkpoints the WAL and closes the connection. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    wal.shutdownNow();
    try {
      checkpointWal();
    } catch (RuntimeException e) {
      log.debug("final WAL checkpoint skipped", e);
    }
    thread.shutdown();
    try {
      thread.awaitTermination(30, TimeUnit.SECONDS);
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      log.warn("closing registry {} failed: {}", file, e.toString());
    }
  }
}
