package io.vivarium.zoo;

import io.vivarium.colony.registry.ClusterBook;
import io.vivarium.colony.registry.NodeRow;
import io.vivarium.colony.registry.PlacementRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A colony across machines as the API shows it, read from the registry's {@link ClusterBook}:
 * the nodes and which node runs which agent. An agent's node is its newest open placement (a
 * node killed without a goodbye leaves its placements open, their {@code seen} time frozen, until
 * the agent is placed again elsewhere). In a one-process colony both tables are empty. Thread-safe:
 * every read takes its own registry connection.
 */
final class Nodes {
  /** Placements of one agent the agent view lists, newest first. */
  static final int PLACEMENTS = 20;

  private final ClusterBook book;

  Nodes(ClusterBook book) {
    this.book = book;
  }

  /** One node with the agents placed on it, as {@code GET /api/nodes} lists it. */
  record Node(String address, String version, String state, long startedMillis, long seenMillis,
      double stepsPerSecond, int agents, List<String> agentIds) {}

  /** How many nodes the registry records (0 for a one-process colony). */
  int count() {
    return book.nodes().size();
  }

  /** Every agent that runs on a node, with the node's address (its newest open placement). */
  Map<String, String> nodeOfAgents() {
    return book.nodeOfAgents();
  }

  /** {@code agent}'s node, or {@code null} when it runs on none (or the colony is one process). */
  String nodeOf(String agent) {
    PlacementRow best = null;
    for (PlacementRow p : book.placements(agent)) {
      if (p.open() && (best == null || p.newerThan(best))) {
        best = p;
      }
    }
    return best == null ? null : best.node();
  }

  /** {@code agent}'s newest {@link #PLACEMENTS} placements, newest first. */
  List<PlacementRow> placements(String agent) {
    List<PlacementRow> all = new ArrayList<>(book.placements(agent));
    all.sort(Comparator.comparingLong(PlacementRow::id).reversed());
    return all.subList(0, Math.min(PLACEMENTS, all.size()));
  }

  /**
   * The nodes by address, each with the agents placed on it, and the server's clock ({@code
   * nowMillis}) so that a page computes "seen N s ago" without trusting its own clock.
   */
  Map<String, Object> view() {
    long now = System.currentTimeMillis();
    Map<String, List<String>> agentsOf = new TreeMap<>();
    nodeOfAgents().forEach((agent, node) -> agentsOf.computeIfAbsent(node, n -> new ArrayList<>()).add(agent));
    List<Node> nodes = new ArrayList<>();
    for (NodeRow n : book.nodes()) {
      List<String> ids = agentsOf.getOrDefault(n.address(), new ArrayList<>());
      ids.sort(null);
      nodes.add(new Node(n.address(), n.version(), n.state(), n.startedMillis(), n.seenMillis(), n.stepsPerSecond(),
          n.agents(), ids));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nowMillis", now);
    out.put("nodes", nodes);
    return out;
  }
}
