package io.vivarium.cluster;

import io.vivarium.colony.registry.NodeRow;
import io.vivarium.core.config.ClusterConfig;
import java.util.List;

/**
 * A first node (no {@code cluster.join}) that starts while other nodes of its cluster run joins
 * them instead of seeding a cluster of its own: two clusters on one registry would each run the
 * same agents. Which nodes run is what the registry's node rows say ({@link NodeRow#live}). Stateless.
 */
final class Peers {
  private Peers() {}

  /** {@code c}, joining the live other nodes in {@code nodes} when it names none to join. */
  static ClusterConfig joinLive(List<NodeRow> nodes, ClusterConfig c) {
    if (!c.join().isEmpty()) {
      return c;
    }
    long now = System.currentTimeMillis();
    List<String> live = nodes.stream()
        .filter(n -> n.live(now) && !n.address().equals(c.bind()))
        .map(NodeRow::address).toList();
    return live.isEmpty() ? c : new ClusterConfig(c.name(), c.bind(), String.join(",", live), c.registry(), c.shared(),
        c.downAfterSeconds(), c.keyStore(), c.keyStorePassword());
  }
}
