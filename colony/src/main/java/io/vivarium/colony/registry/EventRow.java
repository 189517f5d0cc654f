package io.vivarium.colony.registry;

import java.util.Objects;

/**
 * A recorded event. Immutable.
 *
 * @param id the registry's id, increasing
 * @param timeMillis when it happened
 * @param kind e.g. {@code birth}
 * @param agent the agent concerned, {@code ""} for colony-wide events
 * @param json its details, a JSON object text
 */
public record EventRow(long id, long timeMillis, String kind, String agent, String json) {
  public EventRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(json, "json");
  }
}
