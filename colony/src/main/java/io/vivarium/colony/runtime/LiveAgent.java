package io.vivarium.colony.runtime;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.rl.Ppo;
import io.vivarium.core.world.WorldBatch;

/**
 * An alive agent in memory: its brain, its world batch and its learner, with the counters the
 * registry records. Owned and driven by one {@link Colony} thread; not thread-safe.
 */
final class LiveAgent implements AutoCloseable {
  final String id;
  final String parent;
  final int generation;
  final TorchBrain brain;
  final WorldBatch worlds;
  final Ppo learner;
  /** Environment steps of its whole life, across restarts. */
  long envSteps;
  /** Moving average of its recent episodes' returns. */
  double fitness;
  double successRate;
  /** The sum of people's rewards (seed 003's user feedback), part of its fitness. */
  double humanReward;
  long lastCheckpointNanos;
  /** When it was born, for the registry. */
  long bornMillis = System.currentTimeMillis();

  /** Turns taken in this process (newborns are protected for a few). */
  int turns;
  /** The learner's episode count when this agent last had a child. */
  long episodesAtLastBirth;

  LiveAgent(String id, String parent, int generation, TorchBrain brain, WorldBatch worlds, Ppo learner,
      long envSteps) {
    this.id = id;
    this.parent = parent;
    this.generation = generation;
    this.brain = brain;
    this.worlds = worlds;
    this.learner = learner;
    this.envSteps = envSteps;
    this.lastCheckpointNanos = System.nanoTime();
  }

  @Override
  public void close() {
    learner.close();
    worlds.close();
    brain.close();
  }
}
