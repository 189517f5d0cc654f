package io.vivarium.colony.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code touch:world} summary of one agent that the bus link publishes, format
 * {@code vivarium.touch} version 1, written by Jackson (non-finite numbers as {@code null}).
 * Immutable.
 *
 * @param time when it was made, milliseconds since the epoch
 * @param agent the agent
 * @param world its world's name
 * @param preset its world's preset
 * @param envSteps its environment steps so far
 * @param episodes its finished episodes
 * @param fitness its fitness
 * @param successRate its recent success rate
 * @param humanReward the total of people's rewards to it
 * @param lastReward the reward of its last step (instance 0)
 * @param text its text output channel
 * @param heard the text people last said to it
 * @param scene the room as text, for worlds that draw one (absent otherwise)
 * @param touch the touch channel's bytes in base64 (absent when empty)
 * @param machine the host's load
 * @param bus the bus's counters
 */
@JsonPropertyOrder({"format", "version", "time", "agent", "world", "preset", "envSteps", "episodes", "fitness",
    "successRate", "humanReward", "lastReward", "text", "heard", "scene", "touch", "machine", "bus"})
record TouchSummary(long time, String agent, String world, String preset, long envSteps, long episodes,
    double fitness, double successRate, double humanReward, double lastReward, String text, String heard,
    @JsonInclude(JsonInclude.Include.NON_NULL) String scene,
    @JsonInclude(JsonInclude.Include.NON_NULL) String touch, Machine machine, BusCounts bus) {
  /** The summary's format name. */
  @JsonProperty
  public String format() {
    return "vivarium.touch";
  }

  /** The summary's format version. */
  @JsonProperty
  public int version() {
    return 1;
  }

  /** The host: load average, processors, heap in use. */
  record Machine(double load, int cpus, long heapUsedMb) {}

  /** The bus's counters since start. */
  record BusCounts(long outages, long droppedOutbox, long droppedVideo, long throttled, long malformed) {}
}
