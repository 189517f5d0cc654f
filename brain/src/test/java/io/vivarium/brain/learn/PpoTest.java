package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.TorchBrain;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.config.PpoConfig;
import io.vivarium.core.world.WorldBatch;
import org.junit.jupiter.api.Test;

/** PPO keeps the learner contract and reports its critic's explained variance. */
class PpoTest extends LearnerContract {
  @Override
  Learner learner(TorchBrain brain, int instances) {
    LearnConfig d = LearnConfig.defaults();
    return new Ppo(brain, new PpoConfig(4, 64, 0.2, 0.99, 0.95, 0.01, 0.5), d.optimizer(), Schedule.constant(1e-3),
        instances, SEED);
  }

  @Test
  void reportsEveryTermIncludingExplainedVariance() {
    try (TorchBrain brain = TorchBrain.create(shape(), SEED);
        WorldBatch worlds = worlds();
        Learner ppo = learner(brain, worlds.size())) {
      Stats s = new Loop(brain, worlds, ppo, ENCODING, steps(), SEED).iterate();
      assertThat(s.metrics()).containsKeys("policy_loss", "value_loss", "entropy", "approx_kl", "clip_fraction",
          "explained_variance", "grad_norm", "lr");
      assertThat(s.updates()).as("4 epochs of 4 minibatches of 64").isEqualTo(16);
    }
  }

  @Test
  void explainedVarianceIsOneForAPerfectCriticAndAtMostZeroForAConstantOne() {
    float[] returns = {1, 2, 3, 4};
    assertThat(Ppo.explainedVariance(returns.clone(), returns)).isEqualTo(1.0);
    assertThat(Ppo.explainedVariance(new float[] {9, 9, 9, 9}, returns)).isLessThanOrEqualTo(0.0);
  }
}
