package io.vivarium.colony.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * The state of an agent, stored in the registry by its lower-case {@link #key()} ({@code alive},
 * {@code hibernating}, {@code dead}, {@code failed}) as it always was. Immutable.
 */
public enum AgentState {
  /** Living: acting and learning every turn. */
  ALIVE,
  /** Resting: its brain is in a checkpoint, it takes no turns until woken. */
  HIBERNATING,
  /** Dead by selection or by request; its history stays. */
  DEAD,
  /** Stopped by an error it could not recover from. */
  FAILED;

  /** The lower-case key stored in the registry and shown in JSON and tables. */
  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state whose key is {@code key}; an unknown key is an error naming the known ones. */
  @JsonCreator
  public static AgentState of(String key) {
    for (AgentState s : values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("agent state must be one of "
        + Arrays.stream(values()).map(AgentState::key).toList() + "; got '" + key + "'");
  }

  /** The key, so that messages and tables read as before. */
  @Override
  public String toString() {
    return key();
  }
}
