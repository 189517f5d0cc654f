package io.vivarium.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium node}: another node of a running cluster; it runs the agents the cluster gives it. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {"Join a running colony's cluster as one more node (docs/cluster.md): the cluster moves some of its",
        "agents here. Give the same --cluster, --registry and --shared as the first node, and its --bind as --join.",
        "Ctrl-C hands this node's agents to the others, checkpointed, and exits."})
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
    if (cluster == null) {
      throw new IllegalArgumentException("vivarium node needs --cluster NAME, the name the first node was started with "
          + "(vivarium run --cluster NAME)");
    }
    return super.call();
  }
}
