package io.vivarium.colony.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest {@link AgentFrame} of every agent in memory and which agents people are watching.
 * Asking for a frame marks its agent as watched for {@link #WATCH_NANOS}; the colony refreshes
 * a watched agent's frame at every step of its turns and the others' at the end of each turn.
 * Thread-safe: the colony thread writes, any thread reads.
 */
final class Frames {
  /** How long a request for a frame keeps its agent watched. */
  static final long WATCH_NANOS = 10_000_000_000L;

  private final Map<String, AgentFrame> frames = new ConcurrentHashMap<>();
  private final Map<String, Long> watchedSince = new ConcurrentHashMap<>();

  /** The newest frame of {@code agent}, marking it watched. */
  Optional<AgentFrame> get(String agent) {
    watchedSince.put(agent, System.nanoTime());
    return Optional.ofNullable(frames.get(agent));
  }

  /** Whether someone asked for {@code agent}'s frame within the last {@link #WATCH_NANOS}. */
  boolean watched(String agent) {
    Long since = watchedSince.get(agent);
    if (since == null) {
      return false;
    }
    if (System.nanoTime() - since > WATCH_NANOS) {
      watchedSince.remove(agent, since);
      return false;
    }
    return true;
  }

  void put(AgentFrame frame) {
    frames.put(frame.agent(), frame);
  }

  /** Forgets {@code agent} (it left memory). */
  void remove(String agent) {
    frames.remove(agent);
  }
}
