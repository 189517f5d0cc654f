package io.vivarium.colony.runtime;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.Collector;
import io.vivarium.brain.learn.Learner;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.world.WorldBatch;

/**
 * An agent in memory: its brain, its world batch, what it perceives of them ({@link Senses}),
 * its current {@link Learner} and the {@link Collector} that acts for it, and the counters the
 * registry records. The learner changes with the phase ({@code bc} while a {@code bc+ppo} or {@code bc+grpo}
 * founder is young, then {@code ppo} or {@code grpo}). Owned and driven by one colony thread; not thread-safe.
 */
final class LiveAgent implements AutoCloseable {
  final String id;
  final String parent;
  final int generation;
  final TorchBrain brain;
  final WorldBatch worlds;
  final Hparams hparams;
  /** Its learner's phase: the method of {@link #learner}. */
  LearnMethod phase;
  Senses senses;
  Learner learner;
  Collector collector;
  /** Follows the episodes of the instances the agent itself plays (a new one with each learner). */
  EpisodeTracker episodes;
  /** The root of this agent's learner seeds in this process. */
  long learnerSeed;
  /** Environment steps of its whole life, across restarts. */
  long envSteps;
  /** Its recent episodes' mean return plus people's rewards; before its own episodes, its parent's (see Population). */
  double fitness;
  /** Whether {@link #fitness} comes from its own episodes yet. */
  boolean fitnessOwn;
  /** Success rate of its recent episodes; NaN before its first. */
  double successRate = Double.NaN;
  /** The sum of people's rewards (seed 003's user feedback), part of its fitness. */
  double humanReward;
  /** The latest text people gave it, and the latest it produced. */
  String textIn = "";
  String textOut = "";
  long lastCheckpointNanos;
  /** When it was born, for the registry. */
  long bornMillis = System.currentTimeMillis();
  /** Turns taken in this process. */
  int turns;
  /** The episode count when this agent last had a child. */
  long episodesAtLastBirth;
  private String sizeLabel;
  private long sizeParameters;
  private boolean closed;

  LiveAgent(String id, String parent, int generation, TorchBrain brain, WorldBatch worlds, Hparams hparams,
      long envSteps) {
    this.id = id;
    this.parent = parent;
    this.generation = generation;
    this.brain = brain;
    this.worlds = worlds;
    this.hparams = hparams;
    this.envSteps = envSteps;
    this.lastCheckpointNanos = System.nanoTime();
  }

  /** The brain's shape label, read from the brain while it is open (it may have grown), remembered once closed. */
  String sizeLabel() {
    rememberSize();
    return sizeLabel;
  }

  /** The brain's parameter count, as {@link #sizeLabel()}. */
  long sizeParameters() {
    rememberSize();
    return sizeParameters;
  }

  private void rememberSize() {
    if (!closed) { // an agent's row is written after it leaves memory too (hibernation, death, failure)
      sizeLabel = brain.shape().label();
      sizeParameters = brain.parameterCount();
    }
  }

  /** What world instance 0 shows now, encoded for the brain. */
  BrainInput input0() {
    return collector.input(0);
  }

  @Override
  public void close() {
    rememberSize();
    closed = true;
    if (learner != null) {
      learner.close();
    }
    worlds.close();
    brain.close();
  }
}
