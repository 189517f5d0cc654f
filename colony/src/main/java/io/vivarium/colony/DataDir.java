package io.vivarium.colony;

import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The layout of a colony's data directory: {@code colony.db} (the registry),
 * {@code checkpoints/}, {@code memory/}, {@code replays/} and {@code config.toml} (the
 * configuration resolved at the latest start). A node of a cluster keeps its checkpoints and
 * memory in {@code shared}, a directory every node mounts (docs/cluster.md); alone, {@code
 * shared} is {@code root}. Immutable and thread-safe.
 */
public record DataDir(Path root, Path shared) {
  /** The resolved configuration's file name. */
  public static final String CONFIG = "config.toml";

  public DataDir {
    java.util.Objects.requireNonNull(root, "root");
    java.util.Objects.requireNonNull(shared, "shared");
  }

  /** A colony's own directory, holding everything. */
  public DataDir(Path root) {
    this(root, root);
  }

  /** {@code file} (a checkpoint) as the registry names it: relative to the shared directory. */
  public String relative(Path file) {
    return shared.relativize(file).toString();
  }

  /** The registry file. */
  public Path registry() {
    return root.resolve(Registry.FILE);
  }

  /** The checkpoint store over {@code checkpoints/}. */
  public CheckpointStore checkpoints() {
    return new CheckpointStore(shared.resolve(CheckpointStore.DIR));
  }

  /** The colony's shared memory directory (a Lucene index, docs/memory.md). */
  public Path memory() {
    return shared.resolve("memory");
  }

  /**
   * Whether a colony lives here: its registry exists and records at least one agent. A start
   * that failed before its founders were born leaves no colony (a later run starts afresh); a
   * registry that cannot be read counts as a colony, so nothing overwrites it.
   */
  public boolean hasColony() {
    if (!Files.isRegularFile(registry())) {
      return false;
    }
    try (Registry r = Registry.openReadOnly(registry())) {
      return r.agentsByState().values().stream().anyMatch(n -> n > 0);
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** Writes the resolved configuration, secrets redacted, to {@code config.toml} atomically. */
  public void writeConfig(VivariumConfig config) {
    Path target = root.resolve(CONFIG);
    Path tmp = root.resolve("." + CONFIG + ".tmp");
    try {
      Files.createDirectories(root);
      Files.writeString(tmp, ConfigResolver.toToml(config, true), StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Bytes used by everything under the directory. */
  public long diskUse() {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // a file removed while walking
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + root + ": " + e.getMessage(), e);
    }
  }
}
