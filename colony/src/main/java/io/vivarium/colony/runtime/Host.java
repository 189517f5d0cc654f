package io.vivarium.colony.runtime;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.VivariumConfig;
import java.util.List;

/**
 * What a {@link Placement} may do to the colony it places agents for. Called on the colony's
 * thread only (from the placement's callbacks).
 */
public interface Host {
  /** The colony's configuration. */
  VivariumConfig config();

  /** Its data directory. */
  DataDir dataDir();

  /** Its registry. */
  Registry registry();

  /** The ids of the agents in memory. */
  List<String> agentIds();

  /** Environment steps per second over the last round. */
  double stepsPerSecond();

  /** A status line for the person running the colony. */
  void log(String line);

  /** Loads every alive agent from its newest verified checkpoint; founders when the colony has none. */
  void populate();

  /**
   * With no agent in memory: pauses briefly and says whether one could still wake (a hibernating
   * or failed agent); says so once, and says why it stops when every agent is dead.
   */
  boolean waitForWake();

  /** Brings the founders into being when the registry records no agent; true when it did. */
  boolean foundIfEmpty();

  /**
   * Loads alive agent {@code id} from its newest verified checkpoint; false (and nothing loaded)
   * when it is not alive, is already in memory, or has no checkpoint that verifies (then it is
   * recorded as failed).
   */
  boolean adopt(String id);

  /** Checkpoints agent {@code id} and takes it out of memory; it stays alive (another colony may load it). */
  void release(String id);

  /**
   * Takes agent {@code id} out of memory without a checkpoint: the cluster has given it to
   * another node, whose copy is now the agent (this node was cut off).
   */
  void drop(String id);

  /** Kills agent {@code id} in memory for {@code reason}; false when it is not in memory here. */
  boolean kill(String id, String reason);
}
