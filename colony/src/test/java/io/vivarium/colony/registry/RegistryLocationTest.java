package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a registry location: paths, PostgreSQL URLs, the password's sources, and one-line errors. */
class RegistryLocationTest {
  private static RegistryLocation parse(String s) {
    return RegistryLocation.parse(s, Map.of());
  }

  @Test
  void aPathIsASqliteFile() {
    RegistryLocation l = parse("data/colony.db");
    assertThat(l.postgres()).isFalse();
    assertThat(l.file()).isEqualTo(Path.of("data/colony.db"));
    assertThat(l.toString()).isEqualTo("data/colony.db");
  }

  @Test
  void aUrlIsAPostgresDatabaseAndItsPasswordIsNeverShown() {
    RegistryLocation l = parse("postgresql://colony:s%40cret:x@db.example:5433/vivarium?sslmode=require");
    assertThat(l.postgres()).isTrue();
    assertThat(l).extracting(RegistryLocation::user, RegistryLocation::password, RegistryLocation::host,
        RegistryLocation::port, RegistryLocation::database).containsExactly("colony", "s@cret:x", "db.example", 5433,
            "vivarium");
    assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/vivarium?sslmode=require");
    assertThat(l.toString()).isEqualTo("postgresql://colony:***@db.example:5433/vivarium?sslmode=require")
        .doesNotContain("cret");
    assertThat(parse("jdbc:postgresql://colony@[::1]:5432/v")).extracting(RegistryLocation::host,
        RegistryLocation::password).containsExactly("[::1]", null);
  }

  @Test
  void thePasswordMayComeFromPgpassword() {
    RegistryLocation l = RegistryLocation.parse("postgresql://colony@127.0.0.1:5432/v", Map.of("PGPASSWORD", "pw"));
    assertThat(l.password()).isEqualTo("pw");
    assertThat(l.toString()).isEqualTo("postgresql://colony:***@127.0.0.1:5432/v");
    assertThat(RegistryLocation.parse("postgresql://colony:url@127.0.0.1:5432/v", Map.of("PGPASSWORD", "env"))
        .password()).as("the URL's password wins").isEqualTo("url");
  }

  @Test
  void badLocationsAreRefusedInOneLineNamingTheInputTheRuleAndTheFix() {
    assertThatThrownBy(() -> parse("mysql://u@h:1/d")).hasMessage(
        "registry location 'mysql://u@h:1/d' has the unsupported scheme 'mysql'; use "
            + RegistryLocation.FORM + ", or a file path for SQLite");
    assertThatThrownBy(() -> parse("jdbc:sqlite:colony.db")).hasMessageContaining("is a JDBC URL of another database");
    assertThatThrownBy(() -> parse("postgresql://u:secret@db/vivarium"))
        .hasMessage("registry location 'postgresql://u:***@db/vivarium' names no port; write HOST:PORT, "
            + "e.g. 127.0.0.1:5432");
    assertThatThrownBy(() -> parse("postgresql://u@db:5432")).hasMessageContaining("names no database; end it with "
        + "/DATABASE");
    assertThatThrownBy(() -> parse("postgresql://u@db:5432/")).hasMessageContaining("names no database");
    assertThatThrownBy(() -> parse("postgresql://db:5432/v")).hasMessageContaining("names no user");
    assertThatThrownBy(() -> parse("postgresql://u@db:99999/v")).hasMessageContaining("has the port '99999'; give a "
        + "port in 1..65535");
    assertThatThrownBy(() -> parse("postgresql://u@:5432/v")).hasMessageContaining("names no host");
    assertThatThrownBy(() -> parse("postgresql://u@db:5432/v?password=x")).hasMessageContaining("sets the password "
        + "as a parameter");
    assertThatThrownBy(() -> parse("  ")).hasMessageContaining("is empty");
    assertThatThrownBy(() -> parse("postgresql://u:p@ss@db:x/v")).message().doesNotContain("p@ss").doesNotContain("\n");
  }
}
