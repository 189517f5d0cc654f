package io.vivarium.colony.registry;

/**
 * A colony node as the registry records it (one row per node address, upserted as the node
 * reports). Immutable.
 *
 * @param address the node's cluster address, e.g. {@code 127.0.0.1:25520}
 * @param version the vivarium version it runs
 * @param startedMillis when it started
 * @param seenMillis when it last reported
 * @param stepsPerSecond the agent steps per second it ran lately, >= 0
 * @param agents how many agents it runs, >= 0
 * @param state its cluster state, e.g. {@code up} or {@code leaving}
 */
public record NodeRow(String address, String version, long startedMillis, long seenMillis, double stepsPerSecond,
    int agents, String state) {
  /** A node that reported this recently counts as running (joining nodes, status and the console agree). */
  public static final long LIVE_MILLIS = 15_000;

  public NodeRow {
    require(address, "address", "127.0.0.1:25520");
    require(version, "version", "0.1.0");
    require(state, "state", "up");
    if (!(stepsPerSecond >= 0) || Double.isInfinite(stepsPerSecond)) {
      throw new IllegalArgumentException("node " + address + ": steps per second must be finite and >= 0; got "
          + stepsPerSecond);
    }
    if (agents < 0) {
      throw new IllegalArgumentException("node " + address + ": agents must be >= 0; got " + agents);
    }
    if (startedMillis < 0 || seenMillis < startedMillis) {
      throw new IllegalArgumentException("node " + address + ": times must be 0 <= started <= seen; got started "
          + startedMillis + ", seen " + seenMillis);
    }
  }

  /** Whether the node is up and reported within {@link #LIVE_MILLIS} of {@code nowMillis}. */
  public boolean live(long nowMillis) {
    return state.equals("up") && nowMillis - seenMillis < LIVE_MILLIS;
  }

  static void require(String value, String name, String example) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a node's " + name + " must not be blank (e.g. " + example + "); got '"
          + value + "'");
    }
  }
}
