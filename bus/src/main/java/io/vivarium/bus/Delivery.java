package io.vivarium.bus;

/** How the bus carries a topic: what it promises and what it drops when it must. */
public enum Delivery {
  /**
   * MQTT QoS 1 (at least once). Waits in a bounded outbox while the broker is away; only an
   * overfull outbox drops, oldest first, and counts it.
   */
  RELIABLE(1),
  /**
   * MQTT QoS 0 (at most once) through a small queue that keeps only the newest messages: for
   * frames, where a stale one is worthless. Also throttled per agent.
   */
  LATEST(0);

  private final int qos;

  Delivery(int qos) {
    this.qos = qos;
  }

  /** The MQTT quality of service, 0 or 1. */
  public int qos() {
    return qos;
  }
}
