package io.vivarium.core.world;

import java.util.Map;
import java.util.Objects;

/**
 * The result of one action: the next observation, the reward, and whether the episode ended.
 * Termination (the task ended: gold eaten, program exited) is told apart from truncation (the
 * step limit was reached), as value bootstrapping must treat them differently.
 *
 * @param info world-specific details for logs and displays, never needed to learn
 */
public record Step(
    Observation observation,
    double reward,
    boolean terminated,
    boolean truncated,
    Map<String, String> info) {

  public Step {
    Objects.requireNonNull(observation, "observation");
    info = Map.copyOf(Objects.requireNonNull(info, "info"));
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("reward must be finite; got " + reward);
    }
  }

  /** Whether the episode is over, by termination or truncation. */
  public boolean done() {
    return terminated || truncated;
  }
}
