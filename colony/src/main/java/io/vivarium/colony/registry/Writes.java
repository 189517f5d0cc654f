package io.vivarium.colony.registry;

/**
 * Runs a registry's writes, each in one transaction, and returns once it is committed: a SQLite
 * file's single writer thread ({@link SqliteWriter}) or a PostgreSQL connection pool
 * ({@link PostgresPool}). Implementations are thread-safe.
 */
interface Writes extends AutoCloseable {
  /** Runs {@code work} in one transaction and returns its result once committed. */
  <T> T write(Registry.Work<T> work);

  /** Waits for pending writes and releases the connections. Idempotent. */
  @Override
  void close();
}
