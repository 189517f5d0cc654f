package io.vivarium.colony.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * One output of an agent as the registry keeps it (the newest {@value Registry#KEEP_OUTPUTS}
 * per agent): the bytes it produced at a step, their reward and what the world said of them.
 * Immutable; the bytes are owned by the row.
 *
 * @param agent the agent that produced it
 * @param step the agent's step it was produced at, at least 0
 * @param bytes the output bytes (a program in the exec world), at most {@value #MAX_BYTES}
 * @param reward its reward, finite
 * @param details a JSON object of world-specific details, {@code {}} when there are none (exec:
 *     outcome, exit, signal, syscalls, histogram, rewards); readers tolerate any keys
 * @param timeMillis when it was produced, at least 0
 */
public record OutputRow(String agent, long step, byte[] bytes, double reward, String details, long timeMillis) {
  /** The largest output kept, in bytes. */
  public static final int MAX_BYTES = 64 * 1024;
  /** The largest details object kept, in characters. */
  public static final int MAX_DETAILS = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  public OutputRow {
    AgentRow.checkId(agent);
    if (step < 0) {
      throw new IllegalArgumentException("output step of " + agent + " must be >= 0; got " + step);
    }
    Objects.requireNonNull(bytes, "output bytes");
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("output of " + agent + " must be at most " + MAX_BYTES
          + " bytes; got " + bytes.length + " (record a prefix)");
    }
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("output reward of " + agent + " must be finite; got " + reward);
    }
    checkDetails(agent, details);
    if (timeMillis < 0) {
      throw new IllegalArgumentException("output time of " + agent + " must be >= 0 ms; got " + timeMillis);
    }
  }

  private static void checkDetails(String agent, String details) {
    if (details == null || details.length() > MAX_DETAILS) {
      throw new IllegalArgumentException("output details of " + agent + " must be a JSON object of at most "
          + MAX_DETAILS + " characters; got " + (details == null ? "null" : details.length() + " characters")
          + " (use {} for none)");
    }
    JsonNode node;
    try {
      node = JSON.readTree(details);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("output details of " + agent + " must be a JSON object; got '"
          + (details.length() > 40 ? details.substring(0, 40) + "…" : details) + "' (use {} for none)");
    }
  }
}
