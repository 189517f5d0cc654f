package io.vivarium.colony.runtime;

import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.WorldMeans;

/** Between rounds: the colony's numbers in the registry and its status line, and the wait with no agent alive. Stateless. */
final class Rounds {
  private Rounds() {}

  static void record(Colony c, double stepsPerSecond) {
    long total = 0;
    for (LiveAgent a : c.agents) {
      total += a.envSteps;
    }
    double median = StatusLine.median(c.agents.stream().mapToDouble(a -> a.successRate).toArray());
    c.registry.addMetric("colony", total, "steps_per_second", stepsPerSecond);
    c.registry.addMetric("colony", total, "median_success", median);
    if (c.link != null) {
      c.link.record(c.registry, total);
    }
    LiveAgent best = c.agents.get(0);
    for (LiveAgent a : c.agents) {
      best = a.fitness > best.fitness ? a : best;
    }
    var states = c.registry.agentsByState();
    int generation = c.registry.maxGeneration();
    c.boards.round(total, states.get(AgentState.ALIVE) + states.get(AgentState.HIBERNATING), generation, c.agentIds());
    c.log.accept(StatusLine.format(generation, states.get(AgentState.ALIVE) + states.get(AgentState.HIBERNATING),
        states.get(AgentState.HIBERNATING), median, best.id, best.parent, stepsPerSecond, WorldMeans.of(c.registry))
        + (c.link == null ? "" : c.link.status()) + asks(c, total));
  }

  /** The status line's asks part: waiting ones, and those dropped because the queue was full (also a metric). */
  private static String asks(Colony c, long step) {
    long dropped = c.asks.dropped();
    if (dropped > 0) {
      c.registry.addMetric("colony", step, "asks_dropped", dropped);
    }
    int waiting = c.asks.waiting();
    return (waiting > 0 ? " · " + waiting + " asks waiting" : "") + (dropped > 0 ? " · " + dropped + " asks dropped" : "");
  }

  /** With no alive agent: waits for a request when one could wake, else says why it stops. */
  static boolean idle(Colony c) {
    var states = c.registry.agentsByState();
    if (states.get(AgentState.HIBERNATING) + states.get(AgentState.FAILED) == 0) {
      c.log.accept("every agent of this colony is dead; nothing to run");
      return false;
    }
    if (!c.idleNoted) {
      c.log.accept("no alive agent; waiting for requests (e.g. vivarium wake AGENT)");
      c.idleNoted = true;
    }
    c.stepsPerSecond = 0;
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.stop();
    }
    return true;
  }
}
