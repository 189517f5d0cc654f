package io.vivarium.colony.runtime;

import java.util.Locale;

/** One process runs every alive agent, numbers its agents and keeps its own cap. Not thread-safe. */
final class Alone implements Placement {
  private int lastId;

  @Override
  public void open(Host host) {
    host.populate();
    lastId = io.vivarium.colony.registry.AgentRow.lastNumber(host.registry().agents());
  }

  @Override
  public void betweenTurns(Host host) {}

  @Override
  public boolean idle(Host host) {
    return host.waitForWake();
  }

  @Override
  public String childId(String parent, double fitness, double localQuantile) {
    return fitness >= localQuantile ? nextId() : null;
  }

  /** The next agent id, {@code a0001} on. */
  String nextId() {
    lastId++;
    return String.format(Locale.ROOT, "a%04d", lastId);
  }

  @Override
  public void born(Host host, String id) {}

  @Override
  public boolean capsHere() {
    return true;
  }

  @Override
  public void left(String id) {}

  @Override
  public void close() {}
}
