package io.vivarium.worlds.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.core.Channel;
import io.vivarium.core.config.WorldConfig;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.Outputs;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The repair world as a colony lives in it: groups share passages, the expert, the kept outputs, the rewards. */
class RepairBatchTest {
  private static final String PRESET = "repair-short-single";

  private static WorldContext context(String reward) {
    WorldConfig d = WorldConfig.defaults();
    return new WorldContext(new WorldConfig("repair", PRESET, 4, reward, d.exec()), ColonyCounts.local());
  }

  @Test
  void theExpertScoresOneAndTheDamagedPassageZero() throws Exception {
    try (WorldBatch b = Worlds.get("repair").batch(PRESET, 4, context(""))) {
      b.reset(7, 2);
      assertThat(b.observation(0).bytes(Channel.TEXT)).isEqualTo(b.observation(1).bytes(Channel.TEXT));
      assertThat(b.observation(0).bytes(Channel.TEXT)).isNotEqualTo(b.observation(2).bytes(Channel.TEXT));
      TextExpert expert = (TextExpert) b;
      Action[] actions = new Action[4];
      for (int i = 0; i < 4; i++) {
        actions[i] = Action.text(i % 2 == 0 ? expert.expertText(i) : b.observation(i).bytes(Channel.TEXT));
      }
      long seed = b.episodeSeed(0);
      String damaged = new String(b.observation(0).bytes(Channel.TEXT), StandardCharsets.UTF_8);
      b.step(actions);
      assertThat(b.rewards()).containsExactly(1f, 0f, 1f, 0f);
      assertThat(b.terminated()).containsOnly(true);
      assertThat(b.episodeSeed(0)).isNotEqualTo(seed);
      Outputs o = (Outputs) b;
      assertThat(o.lastMeasures()).containsEntry("mean_reward", 0.5).containsEntry("exact_rate", 0.5);
      assertThat(o.lastOutputs()).hasSize(2).allSatisfy(out -> assertThat(out.reward()).isEqualTo(1.0));
      JsonNode d = new ObjectMapper().readTree(o.lastOutputs().get(0).details());
      assertThat(d.get("damaged").asText()).isEqualTo(damaged);
      assertThat(d.get("answer").asText()).isEqualTo("edit");
      assertThat(d.get("exact").asBoolean()).isTrue();
      assertThat(d.get("operations")).hasSize(1);
      assertThat(d.get("diff").asText()).startsWith("--- ").contains("\n-").contains("\n+");
      try (RepairWorld w = new RepairWorld(RepairPresets.get(PRESET))) {
        w.reset(seed);
        assertThat(w.episode().corrupted()).isEqualTo(damaged);
      }
    }
  }

  @Test
  void theEvaluatorPaysTheJudgesYes() {
    WorldContext c = context("evaluator").withJudge((question, prompt, answer) -> {
      assertThat(question).isEqualTo(RepairReward.QUESTION);
      return answer.equals(prompt) ? 0.25 : 0.75;
    });
    try (WorldBatch b = Worlds.get("repair").batch(PRESET, 2, c)) {
      b.reset(3);
      b.step(new Action[] {Action.text(b.observation(0).bytes(Channel.TEXT)), Action.text("x".getBytes())});
      assertThat(b.rewards()).containsExactly(0.25f, 0.75f);
    }
  }

  @Test
  void anUnknownRewardIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> Worlds.get("repair").spec(PRESET, context("syscall-evenness")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("world.reward=syscall-evenness").hasMessageContaining("evaluator");
    assertThat(Worlds.get("repair").suggestions()).containsEntry("learn.grpo.group", 8);
  }
}
