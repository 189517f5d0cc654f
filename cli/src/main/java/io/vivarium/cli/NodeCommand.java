package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.RegistryLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium node}: another node of a running cluster; it runs the agents the cluster gives it. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {"Join a running colony's cluster as one more node (docs/cluster.md); the cluster moves"
        + " some of its agents here.",
        "Give the cluster's --registry (the colony's configuration comes"
        + " from it), this node's --bind and a running node's --bind as --join. Ctrl-C hands this"
        + " node's agents to the others, checkpointed, and exits."})
final class NodeCommand extends RunCommand {
  @Option(names = "--join", required = true, paramLabel = "HOST:PORT[,HOST:PORT…]",
      description = "A running node's --bind (cluster.join).")
  String joinTo;

  @Override
  String join() {
    return joinTo;
  }

  @Override
  public Integer call() {
    if (bind == null) {
      throw new IllegalArgumentException("vivarium node needs --bind HOST:PORT, where this node listens for the others "
          + "(each node its own port)");
    }
    return super.call();
  }

  /**
   * A node's configuration: its own {@code config.toml} after its first start; before it, the
   * colony's as the shared registry records it (world, brains, cluster name and shared directory),
   * so every node runs the same colony. Its own flags apply on top.
   */
  @Override
  Path storedConfig(DataDir dir, boolean resuming) {
    Path own = dir.root().resolve(DataDir.CONFIG);
    if (Files.isRegularFile(own)) {
      return own;
    }
    if (registry == null) {
      return null;
    }
    String toml;
    try (Registry r = Registry.openReadOnly(registry)) {
      toml = r.colonyConfig();
    }
    if (toml == null) {
      throw new IllegalArgumentException("no colony in registry " + RegistryLocation.parse(registry)
          + " yet; start the cluster's first node with vivarium run --cluster NAME --registry …");
    }
    try { // read once at the start; the node's own config.toml is written by the colony as it starts
      Path colony = Files.createTempFile("vivarium-colony-", ".toml");
      colony.toFile().deleteOnExit();
      Files.writeString(colony, toml, StandardCharsets.UTF_8);
      return colony;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the colony's configuration to a temporary file: " + e.getMessage(), e);
    }
  }
}
