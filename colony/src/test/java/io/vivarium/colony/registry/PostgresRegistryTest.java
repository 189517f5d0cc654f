package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL registry promises: least privilege, the type mapping, shared migration, one-line errors. */
class PostgresRegistryTest {
  private final PostgresServer server = PostgresServer.shared();

  @Test
  void theColonysRoleIsNoSuperuserAndOwnsItsTables() {
    try (Registry r = Registry.open(server.newDatabaseUrl())) {
      assertThat(r.location().postgres()).isTrue();
      assertThat(r.reader().scalar("SELECT COUNT(*) FROM pg_roles WHERE rolname = current_user AND NOT rolsuper "
          + "AND NOT rolcreatedb AND NOT rolcreaterole", 0)).isEqualTo(1);
      assertThat(r.reader().scalar("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() "
          + "AND tableowner <> current_user", -1)).isZero();
      assertThatThrownBy(r::file).hasMessageContaining("is a PostgreSQL database, not a file");
    }
  }

  @Test
  void theMigrationsAreTranslatedMechanically() {
    try (Registry r = Registry.open(server.newDatabaseUrl())) {
      Map<String, String> types = Map.of("colony.seed", "bigint", "agents.fitness", "double precision",
          "episodes.actions", "bytea", "events.id", "bigint", "metrics.rowid", "bigint", "nodes.steps_per_second",
          "double precision");
      types.forEach((column, type) -> {
        String[] tc = column.split("\\.");
        assertThat(r.reader().list("SELECT data_type FROM information_schema.columns WHERE table_name = ? "
            + "AND column_name = ?", rs -> rs.getString(1), tc[0], tc[1])).as(column).containsExactly(type);
      });
      assertThat(r.reader().scalar("SELECT COUNT(*) FROM information_schema.columns WHERE is_identity = 'YES' "
          + "AND table_name IN ('events', 'metrics', 'placements')", 0)).isEqualTo(3);
    }
  }

  @Test
  void nodesStartingAtOnceMigrateOnce() throws Exception {
    String url = server.newDatabaseUrl();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> opened = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        opened.add(pool.submit(() -> {
          try (Registry r = Registry.open(url)) {
            return r.schemaVersion();
          }
        }));
      }
      for (Future<Integer> f : opened) {
        assertThat(f.get()).isEqualTo(Schema.version());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void anUnreachableServerARefusedLoginAndAMissingDatabaseAreOneLineEach() {
    String db = server.createDatabase();
    int dead = server.port() == 1 ? 2 : 1;
    assertThatThrownBy(() -> Registry.open("postgresql://vivarium:x@127.0.0.1:" + dead + "/" + db))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot reach PostgreSQL at 127.0.0.1:" + dead)
        .hasMessageContaining("check that the server runs").hasNoCause().message().doesNotContain("\n");
    assertThatThrownBy(() -> Registry.open("postgresql://vivarium:wrong@127.0.0.1:" + server.port() + "/" + db))
        .hasMessageStartingWith("PostgreSQL at 127.0.0.1:" + server.port() + " refused the login of role 'vivarium'")
        .hasMessageContaining("check the user and its password").message().doesNotContain("wrong");
    assertThatThrownBy(() -> Registry.openReadOnly(server.url("nowhere")))
        .hasMessageContaining("has no database 'nowhere'; create it as docs/colony.md shows");
  }
}
