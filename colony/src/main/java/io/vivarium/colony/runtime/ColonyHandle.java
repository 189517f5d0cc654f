package io.vivarium.colony.runtime;

import io.vivarium.colony.DataDir;
import io.vivarium.core.Event;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a console in the same process (the zookeeper) may see of and ask from a running colony.
 * Records (agents, metrics, lineage, checkpoints, episodes, events) are read from the
 * {@linkplain #dataDir() data directory's} registry, which also serves a stopped colony; this
 * handle adds what only the live process has. Implementations are thread-safe: every method
 * may be called from any thread and none blocks on a turn.
 */
public interface ColonyHandle {
  /** The colony's data directory (registry, checkpoints, memory). */
  DataDir dataDir();

  /**
   * The newest frame of an agent, empty when the agent is not in memory (unknown, hibernating,
   * dead). Asking marks the agent as watched for a while: a watched agent's frame is refreshed
   * at every step of its turns, others' at the end of each turn.
   */
  Optional<AgentFrame> frame(String agent);

  /**
   * Queues a request ({@link io.vivarium.colony.registry.Request#ACTIONS}) as the registry does and
   * returns its id; the colony applies it at its next turn boundary and records the result.
   *
   * @throws IllegalArgumentException for an unknown agent, action or a malformed argument
   */
  long request(String agent, String action, String arg, String source);

  /**
   * Queues a person's question for {@code agent} ({@code ""} any agent, {@code "*"} every live
   * agent) and returns its id; the colony takes it at its next turn boundary and its text world
   * answers it (see {@code docs/colony.md}).
   *
   * @throws IllegalArgumentException for empty or too long text or an unknown agent
   */
  long ask(String agent, String text, String source);

  /**
   * A person's thumb ({@code +1} up, {@code -1} down) on {@code agent}'s answer to ask {@code ask}:
   * a {@code reward} request to the agent, also recorded on the ask; returns the request's id.
   *
   * @throws IllegalArgumentException for another sign, an unknown ask or an agent that did not answer it
   */
  long thumb(long ask, String agent, int sign, String source);

  /**
   * A person's recording (a WAV file) for {@code agent}'s listening world, heard as its next
   * episode; the answer comes back on {@code text:to_parent}. Returns the recording's id.
   *
   * @throws IllegalArgumentException for a bad WAV file, an agent not alive here, or a colony whose world does not listen
   */
  default long hear(String agent, byte[] wav, String source) {
    throw new IllegalArgumentException("this colony does not take recordings");
  }

  /** Subscribes {@code listener} to every event as the colony records it; close the result to stop. */
  AutoCloseable onEvent(Consumer<Event> listener);

  /** The colony's environment steps per second over its latest round. */
  double stepsPerSecond();
}
