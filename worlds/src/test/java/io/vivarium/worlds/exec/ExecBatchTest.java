package io.vivarium.worlds.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.core.Channel;
import io.vivarium.core.config.ExecConfig;
import io.vivarium.core.config.WorldConfig;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.Outputs;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exec world as a colony lives in it: groups of one mind, parallel runs, kept outputs. */
class ExecBatchTest {
  private static final ExecSettings SETTINGS = ExecSettings.preset("exec-machine-64")
      .withLimits(ExecSettings.preset("exec-machine-64").limits().withTimeout(1000));
  /** read(0, 0, 0) then getpid(): two distinct calls, evenness 1. */
  private static final byte[] TWO_CALLS = HexFormat.of().parseHex("0f05b8270000000f05b83c0000000f05");

  @BeforeAll
  static void needsRoot() {
    HostProbe.assumeSandbox();
  }

  @Test
  void aGroupSeesOneContextAndKeepsItsBestProgram() throws Exception {
    ColonyCounts counts = ColonyCounts.local();
    try (ExecBatch b = new ExecBatch(SETTINGS, ExecConfig.defaults(), counts, 4)) {
      b.reset(7, 2);
      assertThat(b.observation(0)).isSameAs(b.observation(1));
      assertThat(b.observation(0).bytes(Channel.NOISE)).isNotEqualTo(b.observation(2).bytes(Channel.NOISE));
      try (ExecWorld single = new ExecWorld(SETTINGS)) { // the episode seed names the group's random bytes
        assertThat(single.reset(b.episodeSeed(1)).bytes(Channel.NOISE)).containsExactly(b.observation(1).bytes(Channel.NOISE));
      }
      byte[] crash = {(byte) 0xff, (byte) 0xff};
      b.step(new Action[] {Action.motor(crash), Action.motor(TWO_CALLS), Action.motor(crash), Action.motor(crash)});
      assertThat(b.rewards()[1]).isEqualTo(1f);
      assertThat(b.rewards()[0]).isZero();
      assertThat(b.truncated()).containsOnly(true); // every program is an episode
      // the first group said the two-call program: it is its context now, for both members
      assertThat(b.observation(0).bytes(Channel.MOTOR)).containsExactly(TWO_CALLS);
      assertThat(b.observation(1)).isSameAs(b.observation(0));
      assertThat(b.lastOutputs()).hasSize(2);
      Outputs.Output kept = b.lastOutputs().get(0);
      assertThat(kept.instance()).isEqualTo(1);
      JsonNode details = new ObjectMapper().readTree(kept.details());
      assertThat(details.get("histogram").get("getpid").asInt()).isEqualTo(1);
      assertThat(details.get("rewards").get("syscall-evenness").asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(b.lastMeasures().get("evenness")).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(b.lastMeasures()).containsKey("byte_entropy");
      long total = 0;
      for (long c : counts.snapshot()) {
        total += c;
      }
      assertThat(total).as("every program's bytes reach the colony's counts").isEqualTo(TWO_CALLS.length + 6);
    }
  }

  @Test
  void theContextSwitchesShapeTheSpec() {
    Spec all = ExecBatch.spec(SETTINGS, ExecConfig.defaults());
    assertThat(all.maxBytes(Channel.MOTOR)).isEqualTo(64);
    assertThat(all.maxBytes(Channel.TOUCH)).isEqualTo(64);
    assertThat(all.maxBytes(Channel.NOISE)).isEqualTo(16);
    assertThat(all.maxBytes(Channel.TEXT)).isZero();
    assertThat(all.maxSteps()).isEqualTo(1);
    Spec none = ExecBatch.spec(SETTINGS, new ExecConfig(2, false, false, 0, 32));
    assertThat(none.maxBytes(Channel.MOTOR)).isZero();
    assertThat(none.maxBytes(Channel.TOUCH)).isZero();
    assertThat(none.maxBytes(Channel.NOISE)).isZero();
    assertThat(none.maxBytes(Channel.TEXT)).isEqualTo(32);
    assertThat(none.actionBytes()).isEqualTo(64);
  }

  @Test
  void theFactoryTakesTheColonysRewardAndRefusesABadOne() {
    WorldConfig c = WorldConfig.defaults();
    WorldContext distinct = new WorldContext(new WorldConfig("exec", "exec-machine-64", 2, "distinct-calls",
        c.exec()), ColonyCounts.local());
    try (WorldBatch b = Worlds.get("exec").batch("exec-machine-64", 2, distinct)) {
      b.reset(1, 2);
      b.step(new Action[] {Action.motor(TWO_CALLS), Action.motor(new byte[] {0})});
      assertThat(b.rewards()[0]).isEqualTo(3f / 16); // read, getpid, exit
    }
    WorldContext bad = new WorldContext(new WorldConfig("exec", "exec-machine-64", 2, "joy", c.exec()),
        ColonyCounts.local());
    assertThatThrownBy(() -> Worlds.get("exec").batch("exec-machine-64", 2, bad))
        .hasMessageContaining("world.reward").hasMessageContaining("unknown reward 'joy'");
    assertThatThrownBy(() -> Worlds.get("gold").batch("gold-bare-6x6", 2, distinct))
        .hasMessageContaining("world gold has one reward of its own");
  }

  @Test
  void groupsMustDivideTheBatch() {
    try (ExecBatch b = new ExecBatch(SETTINGS, ExecConfig.defaults(), ColonyCounts.local(), 4)) {
      assertThatThrownBy(() -> b.reset(1, 3)).hasMessageContaining("groups of 3");
    }
  }
}
