package io.vivarium.colony.runtime;

/** After each round: the colony's numbers in the registry and its status line. Stateless. */
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
    LiveAgent best = c.agents.get(0);
    for (LiveAgent a : c.agents) {
      best = a.fitness > best.fitness ? a : best;
    }
    var states = c.registry.agentsByState();
    int generation = (int) c.registry.scalar("SELECT MAX(generation) FROM agents", 0);
    c.log.accept(StatusLine.format(generation, states.get("alive") + states.get("hibernating"),
        states.get("hibernating"), median, best.id, best.parent, stepsPerSecond)
        + (c.link == null ? "" : c.link.status()));
  }
}
