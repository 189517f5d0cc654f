package io.vivarium.colony.runtime;

import io.vivarium.bus.BusCredentials;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.store.CheckpointStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a colony's start created in a data directory that held no colony, so that a start that
 * fails leaves nothing behind: no empty {@code colony.db} (a later run would find no agents in
 * it), no configuration, checkpoints, memory or bus credentials of agents that never lived.
 * Taken before the start touches the directory; a directory that already holds a colony is
 * never undone. Not thread-safe; used by the starting thread.
 */
final class FirstStart {
  private final List<Path> created;

  private FirstStart(List<Path> created) {
    this.created = created;
  }

  /** Notes which of the colony's files and directories {@code dir} lacks before a start. */
  static FirstStart before(DataDir dir) {
    if (dir.hasColony()) {
      return new FirstStart(List.of());
    }
    Path root = dir.root();
    List<Path> absent = new ArrayList<>();
    for (Path p : List.of(dir.registry(), root.resolve(dir.registry().getFileName() + "-wal"),
        root.resolve(dir.registry().getFileName() + "-shm"), root.resolve(DataDir.CONFIG),
        root.resolve(CheckpointStore.DIR), dir.memory(), root.resolve("replays"),
        root.resolve(BusCredentials.FILE))) {
      if (!Files.exists(p)) {
        absent.add(p);
      }
    }
    return new FirstStart(absent);
  }

  /** Deletes what the failed start created (call after the colony closed its files). */
  void undo() {
    for (Path p : created) {
      try {
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(q);
            }
          }
        } else {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("a failed start cannot remove " + p + " it created: " + e.getMessage()
            + "; delete it by hand before the next run", e);
      }
    }
  }
}
