package io.vivarium.colony.registry;

/**
 * One stretch of an agent running on a node: opened when the node starts the agent, touched
 * while it runs, ended when the node stops it (or is found dead). Immutable.
 *
 * @param id the registry's id, increasing
 * @param agent the agent
 * @param node the address of the node it runs on
 * @param startedMillis when the node started it
 * @param seenMillis when the node last said it still runs it
 * @param endedMillis when it stopped running there, or 0 while it runs
 */
public record PlacementRow(long id, String agent, String node, long startedMillis, long seenMillis,
    long endedMillis) {
  public PlacementRow {
    AgentRow.checkId(agent);
    NodeRow.require(node, "address", "127.0.0.1:25520");
    if (seenMillis < startedMillis || (endedMillis != 0 && endedMillis < startedMillis)) {
      throw new IllegalArgumentException("placement " + id + " of " + agent + ": times must be started <= seen "
          + "and started <= ended; got started " + startedMillis + ", seen " + seenMillis + ", ended " + endedMillis);
    }
  }

  /** Whether the agent still runs there (not ended). */
  /** Whether this stay was seen later than {@code other} (the later id on a tie). */
  public boolean newerThan(PlacementRow other) {
    return seenMillis != other.seenMillis ? seenMillis > other.seenMillis : id > other.id;
  }

  public boolean open() {
    return endedMillis == 0;
  }
}
