package io.vivarium.colony.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The payloads of the colony's lifecycle events, written by Jackson through {@link
 * io.vivarium.core.Event#of} (keys as docs/colony.md lists them). Immutable.
 */
final class Events {
  private Events() {}

  /** {@code checkpoint}, {@code hibernate}, {@code wake}, {@code resume}: the agent's step. */
  record AtStep(long step) {}

  /** {@code error}: why the agent failed. */
  record Failure(String error) {}

  /** {@code death}: why, and the fitness it died with. */
  record Death(String reason, double fitness) {}

  /**
   * {@code birth}: the parent (null for a founder), the generation, how the brain was made
   * (mutation deviation and seed, and {@code replication} or {@code clone}; absent for a
   * founder), the hyper-parameters, the brain's parameters and, when the child's brain grew or
   * shrank at birth, how ({@code growth}, e.g. {@code deepen: block 1 inserted}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Birth(@JsonInclude(JsonInclude.Include.ALWAYS) String parent, int generation, Double sigma, Long seed,
      String via, double lr, double entropy, Long parameters, String growth) {}
}
