package io.vivarium.cli;

import io.vivarium.core.config.ClusterConfig;

/** What a node of a cluster needs before it starts, checked with one clear line each. Stateless. */
final class Nodes {
  private Nodes() {}

  static void check(io.vivarium.core.config.VivariumConfig config) {
    ClusterConfig c = config.cluster();
    if (config.bus().enabled() && config.bus().url().isEmpty()) {
      throw new IllegalArgumentException("the nodes of cluster " + c.name() + " share one external MQTT broker: "
          + "--broker tcp://HOST:PORT or ssl://HOST:PORT (bus.url, with bus.username and bus.password), or --no-broker");
    }
    if (c.registry().isEmpty()) {
      throw new IllegalArgumentException("a node of cluster " + c.name() + " needs the registry every node shares: "
          + "--registry postgresql://USER@HOST:PORT/DATABASE (cluster.registry; docs/cluster.md)");
    }
    if (c.shared().isEmpty()) {
      throw new IllegalArgumentException("a node of cluster " + c.name() + " needs a directory every node mounts for "
          + "checkpoints and memory: --shared DIR (cluster.shared; docs/cluster.md)");
    }
  }
}
