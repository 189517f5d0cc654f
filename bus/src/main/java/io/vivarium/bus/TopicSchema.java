package io.vivarium.bus;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topic tree of one colony: {@code vivarium/{colony}/agents/{agent}/{modality}:{direction}}
 * for agents' channels, {@code vivarium/{colony}/{name}} for colony topics and
 * {@code vivarium/{colony}/bytecounts/{agent}} for byte counts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param colony the colony's name (1–32 lower-case letters, digits or '-')
 */
public record TopicSchema(String colony) {
  /** The first level of every Vivarium topic. */
  public static final String ROOT = "vivarium";
  /** Stands for "every agent" in {@link #filter}. */
  public static final String ANY_AGENT = "+";

  private static final Pattern COLONY = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
  private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public TopicSchema {
    Objects.requireNonNull(colony, "colony");
    if (!COLONY.matcher(colony).matches()) {
      throw new IllegalArgumentException(
          "colony name must be 1-32 lower-case letters, digits or '-', not starting with '-';"
              + " got '" + colony + "'");
    }
  }

  /** The topic one message of kind {@code topic} about {@code agent} is published on. */
  public String topic(Topic<?> topic, String agent) {
    return build(topic, checkAgent(topic, agent, false));
  }

  /** The subscription filter for {@code topic} about {@code agent}, or every agent with "+". */
  public String filter(Topic<?> topic, String agent) {
    return build(topic, checkAgent(topic, agent, true));
  }

  /** The filter that matches every topic of this colony. */
  public String everything() {
    return ROOT + "/" + colony + "/#";
  }

  /** The kind and agent of a topic of this colony, or empty if it is none of ours. */
  public Optional<Address> parse(String mqttTopic) {
    String prefix = ROOT + "/" + colony + "/";
    if (!mqttTopic.startsWith(prefix)) {
      return Optional.empty();
    }
    String[] levels = mqttTopic.substring(prefix.length()).split("/", -1);
    for (Topic<?> t : Topics.ALL) {
      String agent = switch (t.scope()) {
        case AGENT -> levels.length == 3 && levels[0].equals("agents") && levels[2].equals(t.name())
            ? levels[1] : null;
        case COLONY -> levels.length == 1 && levels[0].equals(t.name()) ? "" : null;
        case COLONY_PER_AGENT -> levels.length == 2 && levels[0].equals(t.name())
            ? levels[1] : null;
      };
      if (agent != null && (agent.isEmpty() || AGENT.matcher(agent).matches())) {
        return Optional.of(new Address(t, agent));
      }
    }
    return Optional.empty();
  }

  /**
   * Where a message belongs: its kind and the agent it is about ({@code ""} for colony
   * topics).
   */
  public record Address(Topic<?> topic, String agent) {
    public Address {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(agent, "agent");
    }
  }

  private String build(Topic<?> topic, String agent) {
    String base = ROOT + "/" + colony + "/";
    return switch (topic.scope()) {
      case AGENT -> base + "agents/" + agent + "/" + topic.name();
      case COLONY -> base + topic.name();
      case COLONY_PER_AGENT -> base + topic.name() + "/" + agent;
    };
  }

  private static String checkAgent(Topic<?> topic, String agent, boolean wildcard) {
    Objects.requireNonNull(agent, "agent");
    if (!topic.scope().hasAgent()) {
      if (!agent.isEmpty() && !(wildcard && agent.equals(ANY_AGENT))) {
        throw new IllegalArgumentException(
            "topic " + topic + " is colony-wide and names no agent; pass \"\" as agent, got '"
                + agent + "'");
      }
      return "";
    }
    if (wildcard && agent.equals(ANY_AGENT)) {
      return agent;
    }
    if (!AGENT.matcher(agent).matches()) {
      throw new IllegalArgumentException(
          "agent id must be 1-64 letters, digits, '_', '.' or '-' (no '/', '+' or '#'); got '"
              + agent + "'" + (wildcard ? "; use \"+\" for every agent" : ""));
    }
    return agent;
  }
}
