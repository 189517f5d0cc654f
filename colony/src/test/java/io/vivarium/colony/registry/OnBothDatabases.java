package io.vivarium.colony.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A registry contract test: every test of a subclass runs on SQLite and on PostgreSQL, each on a new, empty registry. */
@ParameterizedClass
@EnumSource(Backend.class)
abstract class OnBothDatabases {
  @Parameter Backend backend;
  /** A new, empty registry location on the backend, for each test. */
  String where;
  @TempDir Path dir;

  @BeforeEach
  void newLocation() {
    where = backend.newLocation(dir);
  }

  /** Writes agent {@code id} with the columns of schema version 1, for registries opened at an older version. */
  static void putOldAgent(Registry r, String id) {
    r.write(c -> {
      try (var s = c.prepareStatement("INSERT INTO agents (id, generation, state, world, brain_spec, fitness, born_ms) "
          + "VALUES (?, 0, 'alive', 'gold-bare-6x6', 'tiny', 0.5, 1000)")) {
        s.setString(1, id);
        return s.executeUpdate();
      }
    });
  }
}
