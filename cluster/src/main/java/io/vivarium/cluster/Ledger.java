package io.vivarium.cluster;

import io.vivarium.colony.registry.ClusterBook;
import io.vivarium.colony.registry.NodeRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This node in the registry: its own row (version, steps/s, agents, state; refreshed every
 * second) and a placement row per agent it runs, from adoption to release, its {@code seen}
 * time refreshed with the node's. A node cut off from the cluster writes nothing more: its
 * placements end at their last {@code seen}, which is what a later reader needs to check that
 * no agent ran on two nodes at once. Used on the colony's thread only.
 */
final class Ledger {
  private static final long BEAT_MILLIS = 1000;

  private final ClusterBook book;
  private final String address;
  private final String version;
  private final long started = System.currentTimeMillis();
  private final Map<String, Long> placed = new HashMap<>();
  private long lastBeat;

  Ledger(ClusterBook book, String address, String version) {
    this.book = book;
    this.address = address;
    this.version = version;
  }

  void adopted(String agent) {
    placed.put(agent, book.place(agent, address));
  }

  void gone(String agent) {
    Long id = placed.remove(agent);
    if (id != null) {
      book.endPlacement(id);
    }
  }

  /** Forgets every placement without ending it (this node was cut off). */
  void abandon() {
    placed.clear();
  }

  /** Refreshes this node's row and its placements, at most once a second. */
  void beat(double stepsPerSecond, String state) {
    long now = System.currentTimeMillis();
    if (now - lastBeat < BEAT_MILLIS) {
      return;
    }
    lastBeat = now;
    if (!placed.isEmpty()) {
      book.touchPlacements(new ArrayList<>(placed.values()));
    }
    book.putNode(new NodeRow(address, version, started, now, Math.max(0, stepsPerSecond), placed.size(), state));
  }

  /** Ends every placement and records the node as {@code state}. */
  void close(String state) {
    for (String agent : List.copyOf(placed.keySet())) {
      gone(agent);
    }
    lastBeat = 0;
    beat(0, state);
  }
}
