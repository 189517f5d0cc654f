package io.vivarium.memory;

/**
 * Which entries a recall may return. Fields left at their "any" value do not filter.
 * Immutable.
 *
 * @param agent only entries written by this agent, or {@code null} for any
 * @param kind only entries of this kind, or {@code null} for any
 * @param minFitness only entries with at least this fitness ({@code -Infinity} for any)
 */
public record Filter(String agent, String kind, double minFitness) {

  /** Every entry. */
  public static final Filter ANY = new Filter(null, null, Double.NEGATIVE_INFINITY);

  public Filter {
    if (Double.isNaN(minFitness)) {
      throw new IllegalArgumentException("filter minFitness must be a number; got NaN");
    }
    if (kind != null && !kind.matches(Entry.KIND)) {
      throw new IllegalArgumentException("filter kind must be 1-32 lower-case letters, digits,"
          + " '_' or '-', starting with a letter; got '" + kind + "'");
    }
  }

  /** Only entries of {@code k}. */
  public static Filter kind(String k) {
    return ANY.withKind(k);
  }

  /** Only entries written by {@code a}. */
  public static Filter agent(String a) {
    return ANY.withAgent(a);
  }

  public Filter withKind(String k) {
    return new Filter(agent, k, minFitness);
  }

  public Filter withAgent(String a) {
    return new Filter(a, kind, minFitness);
  }

  public Filter withMinFitness(double f) {
    return new Filter(agent, kind, f);
  }

  /** Whether this filter lets every entry through. */
  public boolean isAny() {
    return agent == null && kind == null && minFitness == Double.NEGATIVE_INFINITY;
  }
}
