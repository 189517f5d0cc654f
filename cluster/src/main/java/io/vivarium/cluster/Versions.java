package io.vivarium.cluster;

import io.vivarium.colony.registry.NodeRow;
import io.vivarium.core.config.ClusterConfig;
import java.util.List;

/** One version per cluster: a node refuses to join nodes of another Vivarium version. Stateless. */
final class Versions {
  private Versions() {}

  static void check(List<NodeRow> nodes, ClusterConfig cluster, String version) {
    long now = System.currentTimeMillis();
    for (NodeRow n : nodes) {
      if (n.live(now) && !n.address().equals(cluster.bind()) && !n.version().equals(version)) {
        throw new IllegalArgumentException("node " + n.address() + " of cluster " + cluster.name() + " runs Vivarium "
            + n.version() + " and this is " + version + "; run one version on every node (upgrade them together)");
      }
    }
  }
}
