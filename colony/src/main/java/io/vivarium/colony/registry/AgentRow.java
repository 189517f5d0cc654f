package io.vivarium.colony.registry;

import java.util.Locale;
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
 * @param brainSpec the size of its brain as {@code BrainShape.label()} writes it: a preset's name
 *     ({@code tiny}) or its shape ({@code 1L·16d·2h}); older rows hold the colony's brain preset
 * @param parameters the brain's scalar parameter count, 0 when unknown (rows from before it was recorded)
 * @param fitness the latest fitness
 * @param bornMillis birth time
 * @param diedMillis death time, or 0 while not dead
 * @param error the error of a failed agent, or {@code null}
 */
public record AgentRow(
    String id, String parent, int generation, AgentState state, String world, String brainSpec,
    long parameters, double fitness, long bornMillis, long diedMillis, String error) {
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
    if (parameters < 0) {
      throw new IllegalArgumentException("parameters must be >= 0 (0 = unknown); got " + parameters);
    }
  }

  /** This row in another state, with its death time and error (its size and the rest unchanged). */
  public AgentRow with(AgentState state, long diedMillis, String error) {
    return new AgentRow(id, parent, generation, state, world, brainSpec, parameters, fitness, bornMillis, diedMillis,
        error);
  }

  /** The brain's size for people: {@code 1L·16d·2h 5.2k params}, or the spec alone when the count is unknown. */
  public String size() {
    return parameters == 0 ? brainSpec : brainSpec + " " + count(parameters) + " params";
  }

  /** A parameter count for people: {@code 950}, {@code 5.2k}, {@code 48k}, {@code 1.3M}. */
  public static String count(long parameters) {
    if (parameters < 1000) {
      return Long.toString(parameters);
    }
    double k = parameters / 1000.0;
    if (k < 9.95) {
      return String.format(Locale.ROOT, "%.1fk", k);
    }
    if (k < 999.5) {
      return String.format(Locale.ROOT, "%.0fk", k);
    }
    double m = parameters / 1_000_000.0;
    return String.format(Locale.ROOT, m < 9.95 ? "%.1fM" : "%.0fM", m);
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
