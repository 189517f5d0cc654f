package io.vivarium.colony.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A colony across machines in the registry (tables {@code nodes} and {@code placements}): each
 * node's last report, and which node ran which agent from when to when, so that "an agent
 * never runs on two nodes at once" can be read from the registry. Thread-safe: writes go
 * through the registry's writes, reads take their own connection.
 */
public final class ClusterBook {
  private static final String PLACEMENT_COLUMNS =
      "SELECT id, agent, node, started_ms, seen_ms, ended_ms FROM placements ";
  /** Ids per {@code IN (...)} list of one statement. */
  private static final int CHUNK = 500;
  private final Registry registry;
  private final Reader reader;

  ClusterBook(Registry registry, Reader reader) {
    this.registry = registry;
    this.reader = reader;
  }

  /** Adds node {@code n}, or replaces its row (keyed by address). */
  public void putNode(NodeRow n) {
    registry.write(c -> Inserts.update(c, """
        INSERT INTO nodes (address, version, started_ms, seen_ms, steps_per_second, agents, state)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (address) DO UPDATE SET version = excluded.version, started_ms = excluded.started_ms,
          seen_ms = excluded.seen_ms, steps_per_second = excluded.steps_per_second, agents = excluded.agents,
          state = excluded.state""", n.address(), n.version(), n.startedMillis(), n.seenMillis(),
        n.stepsPerSecond(), n.agents(), n.state()));
  }

  /** Every node, by address. */
  public List<NodeRow> nodes() {
    return reader.list("SELECT address, version, started_ms, seen_ms, steps_per_second, agents, state FROM nodes "
        + "ORDER BY address", rs -> new NodeRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
            rs.getDouble(5), rs.getInt(6), rs.getString(7)));
  }

  /** Records that {@code node} starts running {@code agent} now; returns the placement's id. */
  public long place(String agent, String node) {
    AgentRow.checkId(agent);
    NodeRow.require(node, "address", "127.0.0.1:25520");
    long now = System.currentTimeMillis();
    return registry.write(c -> Inserts.returningId(c,
        "INSERT INTO placements (agent, node, started_ms, seen_ms) VALUES (?, ?, ?, ?) RETURNING id",
        agent, node, now, now));
  }

  /** Marks placements {@code ids} as seen now, in one transaction; ids that are not placements are ignored. */
  public void touchPlacements(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<Long> copy = List.copyOf(ids);
    long now = System.currentTimeMillis();
    registry.write(c -> {
      for (int from = 0; from < copy.size(); from += CHUNK) {
        List<Long> part = copy.subList(from, Math.min(copy.size(), from + CHUNK));
        Object[] params = new Object[part.size() + 1];
        params[0] = now;
        for (int i = 0; i < part.size(); i++) {
          params[i + 1] = part.get(i);
        }
        String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
        Inserts.update(c, "UPDATE placements SET seen_ms = ? WHERE id IN (" + marks + ")", params);
      }
      return null;
    });
  }

  /**
   * Ends placement {@code id} now (ending an ended one changes nothing).
   *
   * @throws IllegalArgumentException when there is no placement {@code id}
   */
  public void endPlacement(long id) {
    long now = System.currentTimeMillis();
    boolean known = registry.write(c -> {
      Inserts.update(c, "UPDATE placements SET ended_ms = ?, seen_ms = ? WHERE id = ? AND ended_ms IS NULL",
          now, now, id);
      return exists(c, id);
    });
    if (!known) {
      throw new IllegalArgumentException("no placement #" + id + " in this registry; place() returns the ids");
    }
  }

  /**
   * Ends placement {@code id} at its last {@code seen} time, for a node that left the cluster
   * without ending it (killed): the node ran the agent until then, not until now.
   */
  public void abandonPlacement(long id) {
    registry.write(c -> Inserts.update(c, "UPDATE placements SET ended_ms = seen_ms WHERE id = ? AND ended_ms IS NULL",
        id));
  }

  /** {@code agent}'s placements, oldest first. */
  public List<PlacementRow> placements(String agent) {
    return reader.list(PLACEMENT_COLUMNS + "WHERE agent = ? ORDER BY id", ClusterBook::row,
        Objects.requireNonNull(agent, "agent"));
  }

  /** Every placement not ended, oldest first. */
  public List<PlacementRow> openPlacements() {
    return reader.list(PLACEMENT_COLUMNS + "WHERE ended_ms IS NULL ORDER BY id", ClusterBook::row);
  }

  /**
   * The node each agent runs on: its newest open placement (a killed node's placements stay open,
   * their {@code seen} frozen, until the agent is placed again elsewhere or they are abandoned).
   */
  public Map<String, String> nodeOfAgents() {
    Map<String, PlacementRow> newest = new HashMap<>();
    for (PlacementRow p : openPlacements()) {
      newest.merge(p.agent(), p, (a, b) -> a.newerThan(b) ? a : b);
    }
    Map<String, String> out = new HashMap<>();
    newest.forEach((agent, p) -> out.put(agent, p.node()));
    return out;
  }

  private static boolean exists(Connection c, long id) throws SQLException {
    try (var ps = Reader.prepare(c, "SELECT 1 FROM placements WHERE id = ?", id); ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static PlacementRow row(ResultSet rs) throws SQLException {
    return new PlacementRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
        rs.getLong(6));
  }
}
