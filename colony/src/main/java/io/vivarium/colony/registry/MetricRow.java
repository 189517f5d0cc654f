package io.vivarium.colony.registry;

import java.util.Objects;

/**
 * One recorded metric value with its agent and name (an archive's CSV row). Immutable.
 *
 * @param agent the agent, or {@code colony} for colony-wide metrics
 * @param step the agent's step it was recorded at
 * @param name the metric's name, e.g. {@code return}
 * @param value its value
 * @param timeMillis when it was recorded
 */
public record MetricRow(String agent, long step, String name, double value, long timeMillis) {
  public MetricRow {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(name, "name");
  }
}
