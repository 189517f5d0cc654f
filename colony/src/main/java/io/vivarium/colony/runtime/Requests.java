package io.vivarium.colony.runtime;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.Request;
import java.nio.charset.StandardCharsets;

/** Checks people's requests before they are queued. Stateless and thread-safe. */
final class Requests {
  /** The largest reward (in absolute value) one request may give. */
  static final double MAX_REWARD = 1000;
  /** The most UTF-8 bytes one {@code talk} request may carry. */
  static final int MAX_TALK_BYTES = 1000;

  private Requests() {}

  /**
   * Checks a request against the rules and the registry.
   *
   * @throws IllegalArgumentException naming the bad input and the rule
   */
  static void check(Registry registry, String agent, String action, String arg, String source) {
    AgentRow.checkId(agent);
    if (action == null || !Request.ACTIONS.contains(action)) {
      throw new IllegalArgumentException("request action must be one of " + Request.ACTIONS.stream().sorted().toList()
          + "; got '" + action + "'");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("request source must name who asks (cli, zoo, bus, ...); got '"
          + source + "'");
    }
    String a = arg == null ? "" : arg;
    switch (action) {
      case "reward" -> reward(a);
      case "talk" -> {
        int bytes = a.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TALK_BYTES) {
          throw new IllegalArgumentException("talk text must be at most " + MAX_TALK_BYTES + " UTF-8 bytes; got "
              + bytes + " bytes; shorten it");
        }
      }
      case "vote" -> {
        if (a.isBlank()) {
          throw new IllegalArgumentException("a vote needs the voter's name as its argument; got an empty one");
        }
      }
      default -> { }
    }
    if (registry.agent(agent).isEmpty()) {
      throw new IllegalArgumentException("no agent '" + agent + "' in this colony; 'vivarium agents' lists them");
    }
  }

  /** The reward a {@code reward} request's argument gives, checked: a finite number within ±1000. */
  static double reward(String arg) {
    double r;
    try {
      r = Double.parseDouble(arg.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("reward must be a number between -" + (int) MAX_REWARD + " and "
          + (int) MAX_REWARD + "; got '" + arg + "'");
    }
    if (!Double.isFinite(r) || Math.abs(r) > MAX_REWARD) {
      throw new IllegalArgumentException("reward must be a finite number between -" + (int) MAX_REWARD + " and "
          + (int) MAX_REWARD + "; got " + arg.trim());
    }
    return r;
  }
}
