package io.vivarium.colony.runtime;

import io.vivarium.brain.learn.Learner;
import io.vivarium.brain.learn.Rollout;
import io.vivarium.brain.learn.Stats;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A test fixture: the colony's learners, each wrapped so a test sees (or faults) every update
 * and every stop check before a gradient step. The callbacks get the agent's id and run on the
 * colony's thread; one that throws fails the agent's turn as any learner error would.
 */
final class WatchedLearners implements LearnerMaker {
  volatile Consumer<String> beforeUpdate = id -> { };
  volatile Consumer<String> beforeStep = id -> { };

  @Override
  public Learner make(String agent, io.vivarium.core.config.LearnMethod method, io.vivarium.brain.TorchBrain brain,
      io.vivarium.core.config.LearnConfig config, int instances, long seed) {
    Learner inner = DEFAULT.make(agent, method, brain, config, instances, seed);
    return new Learner() {
      @Override
      public io.vivarium.core.config.LearnMethod method() {
        return inner.method();
      }

      @Override
      public Needs needs() {
        return inner.needs();
      }

      @Override
      public Stats update(Rollout rollout, BooleanSupplier stopping) {
        beforeUpdate.accept(agent);
        return inner.update(rollout, () -> {
          beforeStep.accept(agent);
          return stopping.getAsBoolean();
        });
      }

      @Override
      public byte[] optimizerState() {
        return inner.optimizerState();
      }

      @Override
      public void restoreOptimizer(byte[] state) {
        inner.restoreOptimizer(state);
      }

      @Override
      public int optimizerSteps() {
        return inner.optimizerSteps();
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }
}
