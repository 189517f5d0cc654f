package io.vivarium.colony.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a registry's schema forward to the newest of {@link Schema#MIGRATIONS}, one transaction
 * per version, and refuses databases newer than this program. Each step takes the dialect's
 * migration lock and rereads the version inside its transaction, so two processes opening the
 * same database at once apply each migration once. Stateless.
 */
final class Migrator {
  private static final Logger log = LoggerFactory.getLogger(Migrator.class);

  private Migrator() {}

  static void migrate(RegistryLocation where, Dialect dialect, Connection c, List<String> migrations)
      throws SQLException {
    checkVersion(where, dialect, c, migrations.size(), false);
    while (true) {
      int applied = Transaction.on(c, tx -> {
        dialect.lockMigrations(c);
        int version = checkVersion(where, dialect, c, migrations.size(), false);
        if (version >= migrations.size()) {
          return 0;
        }
        try (Statement s = c.createStatement()) {
          for (String sql : dialect.statements(migrations.get(version))) {
            s.execute(sql);
          }
        }
        dialect.setVersion(c, version + 1);
        return version + 1;
      });
      if (applied == 0) {
        return;
      }
      log.info("registry {} migrated to schema version {}", where, applied);
    }
  }

  static int checkVersion(RegistryLocation where, Dialect dialect, Connection c, int known, boolean exact)
      throws SQLException {
    int version = dialect.version(c);
    if (version > known) {
      throw new IllegalStateException("registry " + where + " has schema version " + version
          + " but this vivarium knows versions up to " + known + "; run a newer vivarium on it");
    }
    if (exact && version < known) {
      throw new IllegalStateException("registry " + where + " has the older schema version " + version
          + " (this vivarium writes " + known + "); run 'vivarium run' once to migrate it");
    }
    return version;
  }
}
