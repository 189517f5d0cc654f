package io.vivarium.colony.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An agent as the registry records it.
 *
 * @param id e.g. {@code a0001}
 * @param parent the parent's id, or {@code null} for an agent born from scratch
 * @param generation 0 for founders, parent's + 1 for children
 * @param state alive, hibernating, dead or failed
 * @param world the world preset it lives in
 * @param brainSpec the brain preset or a short description of its shape
 * @param fitness the latest fitness
 * @param bornMillis birth time
 * @param diedMillis death time, or 0 while not dead
 * @param error the error of a failed agent, or {@code null}
 */
public record AgentRow(
    String id, String parent, int generation, AgentState state, String world, String brainSpec,
    double fitness, long bornMillis, long diedMillis, String error) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public AgentRow {
    checkId(id);
    if (parent != null) {
      checkId(parent);
    }
    if (generation < 0) {
      throw new IllegalArgumentException("generation must be >= 0; got " + generation);
    }
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(brainSpec, "brainSpec");
  }

  /** Checks an agent id: 1–64 lower-case letters, digits, '_' or '-', safe in file names. */
  public static String checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "agent id must be 1-64 lower-case letters, digits, '_' or '-' (e.g. a0001); got '" + id + "'");
    }
    return id;
  }

  /** The highest number among the colony's own ids ({@code a0001} on) in {@code rows}, 0 when none. */
  public static int lastNumber(java.util.List<AgentRow> rows) {
    int last = 0;
    for (AgentRow r : rows) {
      if (r.id().matches("a\\d+")) {
        last = Math.max(last, Integer.parseInt(r.id().substring(1)));
      }
    }
    return last;
  }
}
