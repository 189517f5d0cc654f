package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the colony runtime refuses before anything starts. */
class PreflightTest {
  private static VivariumConfig config(String... overrides) {
    return ConfigResolver.resolve(null, List.of(overrides));
  }

  @Test
  void theDefaultsPass() {
    assertThatCode(() -> Preflight.check(VivariumConfig.defaults())).doesNotThrowAnyException();
    assertThatCode(() -> Preflight.check(config("learn.method=ppo", "world.preset=gold-bare-5x5+ego9")))
        .doesNotThrowAnyException();
  }

  @Test
  void everyWorldRunsWithItsDefaultPresetAndAuto() {
    for (String world : List.of("gold", "exec", "repair", "chat")) {
      String preset = io.vivarium.core.world.Worlds.get(world).defaultPreset();
      assertThatCode(() -> Preflight.check(config("world.name=" + world, "world.preset=" + preset)))
          .as(world).doesNotThrowAnyException();
    }
  }

  @Test
  void anUnknownPresetNamesTheKnownOnes() {
    assertThatThrownBy(() -> Preflight.check(config("world.preset=gold-nowhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("world.preset: unknown gold preset 'gold-nowhere'; known presets:");
  }

  @Test
  void cloningInASequenceWorldWithoutAnAnswerIsRefused() {
    assertThatThrownBy(() -> Preflight.check(config("learn.method=bc", "world.name=exec",
        "world.preset=exec-machine-64")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has none (no answer to copy for its byte sequences)")
        .hasMessageContaining("use learn.method=grpo or ppo");
  }

  @Test
  void ppoLearnsSequencesToo() {
    for (String world : List.of("exec", "repair", "chat")) {
      String preset = io.vivarium.core.world.Worlds.get(world).defaultPreset();
      assertThatCode(() -> Preflight.check(config("learn.method=ppo", "world.name=" + world, "world.preset=" + preset)))
          .as(world).doesNotThrowAnyException();
    }
  }

  @Test
  void cloningNeedsAnExpert() {
    assertThatThrownBy(() -> Preflight.check(config("learn.method=bc+ppo", "world.name=exec",
        "world.preset=exec-machine-64")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void grpoGroupsMustFillTheBatch() {
    assertThatThrownBy(() -> Preflight.check(config("learn.method=grpo", "world.batch=6")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("make world.batch a multiple of it");
  }

  @Test
  void aBrainTooShortForTheObservationIsRefused() {
    assertThatThrownBy(() -> Preflight.check(config("brain.block=8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("brain.block is 8 but gold");
  }

  @Test
  void aRewardChoiceIsCheckedBeforeAnythingStarts() {
    assertThatThrownBy(() -> Preflight.check(config("world.reward=byte-entropy")))
        .hasMessage("world.reward=byte-entropy: world gold has one reward of its own; leave world.reward empty");
    assertThatThrownBy(() -> Preflight.check(config("world.name=exec", "world.preset=exec-machine-64",
        "world.reward=joy"))).hasMessageStartingWith("world.reward: exec reward 'joy' is invalid");
    Preflight.check(config("world.name=exec", "world.preset=exec-machine-64",
        "world.reward=syscall-evenness+0.25*distinct-calls"));
  }
}
