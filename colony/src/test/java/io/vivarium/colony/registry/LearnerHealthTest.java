package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.LearnerHealth.Flag;
import org.junit.jupiter.api.Test;

class LearnerHealthTest extends OnBothDatabases {


  private static void fill(Registry r, String agent, String name, int n, double value) {
    for (int i = 0; i < n; i++) {
      r.addMetric(agent, i, name, value);
    }
  }

  private Registry registry() {
    Registry r = Registry.open(where);
    for (String id : new String[] {"a0001", "a0002", "a0003", "a0004"}) {
      r.putAgent(new AgentRow(id, null, 0, AgentState.ALIVE, "gold-bare-6x6", "tiny", 0, 0, 1, 0, null));
    }
    return r;
  }

  @Test
  void aLearnerThatStoppedLearningRaisesEveryFlag() {
    try (Registry r = registry()) {
      fill(r, "a0001", "entropy", 20, 0.005);
      fill(r, "a0001", "approx_kl", 25, 1e-9);
      fill(r, "a0001", "explained_variance", 20, 0.0);
      assertThat(LearnerHealth.flags(r, "a0001"))
          .containsExactly(Flag.ENTROPY_COLLAPSED, Flag.KL_COLLAPSED, Flag.VALUE_NOT_LEARNING);
      assertThat(Flag.KL_COLLAPSED).hasToString("kl collapsed");
    }
  }

  @Test
  void fewerThanTwentyValuesOrAbsentMetricsRaiseNothing() {
    try (Registry r = registry()) {
      fill(r, "a0002", "entropy", 19, 0.0);
      fill(r, "a0002", "explained_variance", 19, -1.0);
      assertThat(LearnerHealth.flags(r, "a0002")).isEmpty();
      assertThat(LearnerHealth.flags(r, "a0003")).isEmpty();
    }
  }

  @Test
  void onlyTheNewestTwentyCountAndOneHealthyValueClearsAFlag() {
    try (Registry r = registry()) {
      // Healthy long ago, collapsed for the newest 20 steps: flagged.
      fill(r, "a0004", "entropy", 10, 1.2);
      for (int i = 10; i < 30; i++) {
        r.addMetric("a0004", i, "entropy", 0.001);
        r.addMetric("a0004", i, "approx_kl", i == 29 ? 1e-3 : 0.0); // the newest one moves: not collapsed
        r.addMetric("a0004", i, "explained_variance", i == 15 ? 0.2 : -0.5);
      }
      assertThat(LearnerHealth.flags(r, "a0004")).containsExactly(Flag.ENTROPY_COLLAPSED);
      r.addMetric("a0004", 30, "entropy", 0.5);
      assertThat(LearnerHealth.flags(r, "a0004")).isEmpty();
    }
  }
}
