package io.vivarium.bus;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of message on the bus: its name, where it sits in the topic tree, its payload
 * codec and how it is delivered. The known kinds are the constants of {@link Topics}; a
 * {@link TopicSchema} turns a kind plus a colony and an agent into an MQTT topic.
 *
 * @param name the last topic level (per-agent kinds) or the colony-level name, e.g.
 *     {@code text:to_parent}, {@code events}, {@code bytecounts}
 * @param scope where the topic sits: under an agent, under the colony, or under the colony
 *     with the agent as last level
 * @param codec the payload format
 * @param delivery the quality of service and drop policy
 * @param <T> the payload type
 */
public record Topic<T>(String name, Scope scope, Codec<T> codec, Delivery delivery) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*(:[a-z][a-z_]*)?");

  /** Where a topic kind sits in the tree. */
  public enum Scope {
    /** {@code vivarium/{colony}/agents/{agent}/{name}} */
    AGENT,
    /** {@code vivarium/{colony}/{name}} */
    COLONY,
    /** {@code vivarium/{colony}/{name}/{agent}} */
    COLONY_PER_AGENT;

    /** Whether topics of this scope name an agent. */
    public boolean hasAgent() {
      return this != COLONY;
    }
  }

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(delivery, "delivery");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "topic name must be lower-case words, optionally 'modality:direction' such as"
              + " text:to_parent; got '" + name + "'");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
