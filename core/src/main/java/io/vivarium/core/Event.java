package io.vivarium.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something that happened in a colony and is worth recording: a birth, a death, a checkpoint,
 * a human's reward. Events are stored in the registry and published on the bus.
 *
 * @param timeMillis wall-clock time, milliseconds since the epoch
 * @param kind a short lower-case name such as {@code birth}, {@code death}, {@code checkpoint}
 * @param agent the agent concerned, or {@code ""} for colony-wide events
 * @param json details as a JSON object text, {@code "{}"} when there are none
 *
 * <p>Build one with {@link #of}: its details are a record or map written by Jackson, never
 * assembled by hand. Immutable.
 */
public record Event(long timeMillis, String kind, String agent, String json) {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

  public Event {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(json, "json");
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "event kind must match " + KIND.pattern() + " (lower-case, at most 64 chars); got '"
              + kind + "'");
    }
    if (!json.startsWith("{")) {
      throw new IllegalArgumentException("event details must be a JSON object; got '" + json + "'");
    }
  }

  /**
   * An event happening now whose details are {@code payload} (a record or a map) written as a
   * JSON object; non-finite numbers are written as {@code null}.
   */
  public static Event of(String kind, String agent, Object payload) {
    Objects.requireNonNull(payload, "payload");
    String json = Json.write(payload);
    if (!json.startsWith("{")) {
      throw new IllegalArgumentException("event " + kind + " details must be a record or a map (a JSON object); got "
          + payload.getClass().getName());
    }
    return now(kind, agent, json);
  }

  /** An event happening now, its details already JSON object text. */
  public static Event now(String kind, String agent, String json) {
    return new Event(System.currentTimeMillis(), kind, agent, json);
  }
}
