package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import java.nio.file.Path;

/** What the colony commands share: finding the colony in {@code --data}. Stateless. */
final class Colonies {
  private Colonies() {}

  /** The data directory, or a clear error when no colony lives there. */
  static DataDir require(Path data) {
    DataDir dir = DataDir.of(data);
    if (!dir.hasColony()) {
      throw new IllegalArgumentException("no colony in " + data.toAbsolutePath().normalize()
          + "; start one with 'vivarium run', or give its directory with --data");
    }
    return dir;
  }
}
