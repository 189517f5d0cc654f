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
}
