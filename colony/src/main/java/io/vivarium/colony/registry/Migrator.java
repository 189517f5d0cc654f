package io.vivarium.colony.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a registry file's schema forward to the newest of {@link Schema#MIGRATIONS}, one
 * transaction per version, and refuses files newer than this program. Stateless.
 */
final class Migrator {
  private static final Logger log = LoggerFactory.getLogger(Migrator.class);

  private Migrator() {}

  static void migrate(Path file, Connection c, List<String> migrations) throws SQLException {
    int version = checkVersion(file, c, migrations.size(), false);
    for (int v = version; v < migrations.size(); v++) {
      final int target = v + 1;
      transactionOn(c, () -> {
        try (Statement s = c.createStatement()) {
          for (String sql : migrations.get(target - 1).split(";")) {
            if (!sql.isBlank()) {
              s.execute(sql);
            }
          }
          s.execute("PRAGMA user_version = " + target);
        }
      });
      log.info("registry {} migrated to schema version {}", file, target);
    }
  }

  static int checkVersion(Path file, Connection c, int known, boolean exact) throws SQLException {
    int version;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      version = rs.getInt(1);
    }
    if (version > known) {
      throw new IllegalStateException("registry " + file + " has schema version " + version
          + " but this vivarium knows versions up to " + known + "; run a newer vivarium on it");
    }
    if (exact && version < known) {
      throw new IllegalStateException("registry " + file + " has the older schema version " + version
          + " (this vivarium writes " + known + "); run 'vivarium run' once to migrate it");
    }
    return version;
  }

  private interface SqlBlock {
    void run() throws SQLException;
  }

  private static void transactionOn(Connection c, SqlBlock block) throws SQLException {
    c.setAutoCommit(false);
    try {
      block.run();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
