package io.vivarium.colony.registry;

import java.nio.file.Path;
import java.util.UUID;

/** The databases the registry's contract tests run on. Thread-safe. */
enum Backend {
  /** A file in the test's temporary directory. */
  SQLITE,
  /** A new database on the shared private PostgreSQL ({@link PostgresServer#shared()}). */
  POSTGRESQL;

  /** A new, empty registry location: a new file under {@code dir}, or a new database. */
  String newLocation(Path dir) {
    return this == SQLITE
        ? dir.resolve("colony-" + UUID.randomUUID() + ".db").toString()
        : PostgresServer.shared().newDatabaseUrl();
  }

  /** The dialect the registry uses on this backend. */
  Dialect dialect() {
    return this == SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL;
  }
}
