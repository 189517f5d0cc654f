package io.vivarium.colony.runtime;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.rl.Imitation;
import io.vivarium.brain.rl.Ppo;
import io.vivarium.core.world.WorldBatch;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An agent in memory: its brain, its world batch, its learner — behaviour cloning of the
 * world's expert while a {@code bc+ppo} founder is young, PPO after — and the counters the
 * registry records. Owned and driven by one {@link Colony} thread; not thread-safe.
 */
final class LiveAgent implements AutoCloseable {
  final String id;
  final String parent;
  final int generation;
  final TorchBrain brain;
  final WorldBatch worlds;
  final Hparams hparams;
  /** Follows the current learner's episodes (a new one with each learner). */
  EpisodeTracker episodes;
  /** The root of this agent's learner seeds in this process. */
  long learnerSeed;
  /** The imitation learner while cloning the expert, else null. */
  Imitation imitation;
  /** The PPO learner once cloning is over, else null. */
  Ppo ppo;
  /** Environment steps of its whole life, across restarts. */
  long envSteps;
  /** Moving average of its recent episodes' returns plus people's rewards. */
  double fitness;
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
  /** Turns taken in this process (newborns are protected for a few). */
  int turns;
  /** The episode count when this agent last had a child. */
  long episodesAtLastBirth;

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

  /** Installs {@code observer} on the current learner. */
  void observe(Consumer<byte[]> observer) {
    if (imitation != null) {
      imitation.setStepObserver(observer);
    } else {
      ppo.setStepObserver(observer);
    }
  }

  /** Installs {@code check} on the current learner: asked before each of its gradient steps. */
  void stopCheck(BooleanSupplier check) {
    if (imitation != null) {
      imitation.setStopCheck(check);
    } else {
      ppo.setStopCheck(check);
    }
  }

  /** The current learner's optimizer state (moments and step counter) as bytes. */
  byte[] optimizerState() {
    return imitation != null ? imitation.optimizerState() : ppo.optimizerState();
  }

  /** Continues the current learner's optimizer from {@code state}; throws IllegalArgumentException if it does not fit. */
  void restoreOptimizer(byte[] state) {
    if (imitation != null) {
      imitation.restoreOptimizer(state);
    } else {
      ppo.restoreOptimizer(state);
    }
  }

  /** Updates the current learner's optimizer has applied. */
  int optimizerSteps() {
    return imitation != null ? imitation.optimizerSteps() : ppo.optimizerSteps();
  }

  /** What world instance 0 shows now, encoded for the brain. */
  BrainInput input0() {
    return imitation != null ? imitation.input(0) : ppo.input(0);
  }

  /** "bc" while cloning, else "ppo". */
  String phase() {
    return imitation != null ? "bc" : "ppo";
  }

  @Override
  public void close() {
    if (imitation != null) {
      imitation.close();
    }
    if (ppo != null) {
      ppo.close();
    }
    worlds.close();
    brain.close();
  }
}
