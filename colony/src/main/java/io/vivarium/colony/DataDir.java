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
public record DataDir(Path root, Path shared, String registryUrl) {
  /** The resolved configuration's file name. */
  public static final String CONFIG = "config.toml";

  /**
   * @param root the directory itself
   * @param shared where checkpoints and memory live: {@code root}, or a directory every node of a cluster mounts
   * @param registryUrl the registry every node of a cluster shares ({@code postgresql://…}); empty for {@code colony.db}
   */
  public DataDir {
    java.util.Objects.requireNonNull(root, "root");
    java.util.Objects.requireNonNull(shared, "shared");
    java.util.Objects.requireNonNull(registryUrl, "registryUrl");
  }

  /** A colony's own directory, holding everything. */
  public DataDir(Path root) {
    this(root, root, "");
  }

  /**
   * The data directory at {@code root} as its colony left it: a node of a cluster (its {@code
   * config.toml} names {@code cluster.name}) keeps its registry and shared directory where that
   * file says; any other directory holds everything itself.
   */
  public static DataDir of(Path root) {
    Path stored = root.resolve(CONFIG);
    if (!Files.isRegularFile(stored)) {
      return new DataDir(root);
    }
    try {
      io.vivarium.core.config.ClusterConfig c = ConfigResolver.resolve(stored, java.util.List.of()).cluster();
      return c.enabled() ? forNode(root, c) : new DataDir(root);
    } catch (RuntimeException e) {
      return new DataDir(root); // a damaged config.toml: the commands that read it say what is wrong
    }
  }

  /** A node's data directory at {@code root} with the cluster's shared directory and registry. */
  public static DataDir forNode(Path root, io.vivarium.core.config.ClusterConfig c) {
    return new DataDir(root, c.shared().isEmpty() ? root : Path.of(c.shared()), c.registry());
  }

  /** Where the registry is, as {@code Registry.open(String)} takes it: {@code colony.db}'s path, or the cluster's URL. */
  public String registryLocation() {
    return registryUrl.isEmpty() ? registry().toString() : registryUrl;
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
    if (registryUrl.isEmpty() && !Files.isRegularFile(registry())) {
      return false;
    }
    try (Registry r = Registry.openReadOnly(registryLocation())) {
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
