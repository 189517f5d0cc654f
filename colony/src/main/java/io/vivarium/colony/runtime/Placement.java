package io.vivarium.colony.runtime;

/**
 * Where a colony's agents run and who decides about the population: one process running every
 * alive agent ({@link #alone()}), or a node of a cluster that runs the agents given to it and
 * asks the cluster for ids, for permission to replicate and for the cap (the {@code cluster}
 * module). The colony calls it on its own thread, at the points named below; an implementation
 * that talks to other threads hands work over through its own queue.
 */
public interface Placement extends AutoCloseable {
  /** One process runs every alive agent: the default. */
  static Placement alone() {
    return new Alone();
  }

  /**
   * The shared memory, when it is served from elsewhere (a cluster's memory node); null to open
   * the memory in the data directory. Called once, before {@link #open}, with the memory enabled.
   */
  default io.vivarium.memory.Memory memory(io.vivarium.core.config.VivariumConfig config) {
    return null;
  }

  /** Once, when the colony has opened its registry, store, bus and memory: bring agents into memory. */
  void open(Host host);

  /** At every turn boundary, before people's requests. */
  void betweenTurns(Host host);

  /**
   * With no agent in memory: whether to wait for one (after a short pause) rather than stop.
   * Alone, a colony waits while an agent could be woken and stops when every agent is dead.
   */
  boolean idle(Host host);

  /**
   * The id of {@code parent}'s child, or null when it may not have one now. {@code fitness} is
   * the parent's; {@code localQuantile} is the replication quantile of this colony's agents'
   * fitness, {@link Double#NEGATIVE_INFINITY} for a person's clone request.
   */
  String childId(String parent, double fitness, double localQuantile);

  /** A child was born here, checkpointed and recorded; it is in memory. */
  void born(Host host, String id);

  /** Whether this colony kills its least fit agents above {@code colony.maxAgents} itself. */
  boolean capsHere();

  /** An agent left this colony's memory: hibernated, killed or failed. */
  void left(String id);

  /**
   * Whether this colony carries out a person's request about {@code agent} now; {@code here}
   * when the agent is in this colony's memory, {@code state} its recorded state. Alone: always.
   * A node takes requests about its own agents, leaves those about agents running elsewhere to
   * their nodes, and takes those about agents running nowhere only where the population
   * manager runs, so that one node answers each request.
   */
  default boolean takes(boolean here, io.vivarium.colony.registry.AgentState state) {
    return true;
  }

  /** Whether a woken agent is loaded here (alone) or only marked alive for the cluster to place. */
  default boolean wakesHere() {
    return true;
  }

  @Override
  void close();
}
