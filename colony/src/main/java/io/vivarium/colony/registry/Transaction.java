package io.vivarium.colony.registry;

import java.sql.Connection;
import java.sql.SQLException;

/** One unit of registry work in a transaction on a connection: committed, or rolled back on any failure. Stateless. */
final class Transaction {
  private Transaction() {}

  static <T> T on(Connection c, Registry.Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
