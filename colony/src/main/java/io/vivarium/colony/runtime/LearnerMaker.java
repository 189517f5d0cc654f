package io.vivarium.colony.runtime;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.Learner;
import io.vivarium.brain.learn.Learners;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.config.LearnMethod;

/**
 * Makes an agent's learner for a phase ({@code bc}, {@code ppo}, {@code grpo}); the colony's is
 * {@link #DEFAULT}, and test fixtures wrap it to watch or fault updates. Stateless.
 */
@FunctionalInterface
interface LearnerMaker {
  /** The colony's: {@link Learners#create} with a constant learning rate (a colony runs open-ended). */
  LearnerMaker DEFAULT = (agent, method, brain, config, instances, seed) ->
      Learners.create(method, brain, config, instances, seed);

  Learner make(String agent, LearnMethod method, TorchBrain brain, LearnConfig config, int instances, long seed);
}
