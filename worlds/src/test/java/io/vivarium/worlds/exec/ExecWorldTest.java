package io.vivarium.worlds.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContract;
import io.vivarium.core.world.Worlds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The world contract on the exec world (few steps: each one runs a real program). */
class ExecWorldTest extends WorldContract {
  @BeforeAll
  static void needsRoot() {
    HostProbe.assumeSandbox();
  }

  // generous: a rare looping program costs this once, and a loaded machine must not turn a
  // crash into a timeout (same seed, same rollout)
  private static final ExecSettings SETTINGS = ExecSettings.preset("exec-machine-64")
      .withLimits(ExecSettings.preset("exec-machine-64").limits().withTimeout(1000));

  @Override
  protected World create() {
    return new ExecWorld(SETTINGS);
  }

  @Override
  protected WorldBatch batch(int size) {
    return ExecWorld.batch(SETTINGS, size);
  }

  @Override
  protected int rolloutSteps() {
    return 24;
  }

  @Test
  void isRegisteredWithItsPresets() {
    assertThat(Worlds.get("exec").presets()).contains("exec-machine-64", "exec-shell-256");
    assertThatThrownBy(() -> Worlds.get("exec").create("exec-nope"))
        .hasMessageContaining("unknown exec preset 'exec-nope'; known presets: [exec-machine-64");
  }

  @Test
  void aStepRunsTheProgramAndRewardsEvenness() {
    try (World w = create()) {
      w.reset(1);
      byte[] p = Programs.cat(Programs.call(39), Programs.call(102), Programs.exit(0));
      Step s = w.step(Action.motor(p));
      byte[] touch = s.observation().bytes(Channel.TOUCH);
      assertThat(touch[0] & 1).as("exited flag").isEqualTo(1);
      assertThat(touch[4]).as("syscalls").isEqualTo((byte) 3);
      assertThat(s.observation().bytes(Channel.MOTOR)).isEqualTo(p);
      assertThat(s.reward()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(s.info()).containsKey("outcome");
      assertThat(s.info().get("histogram")).isEqualTo("getpid 1\nexit 1\ngetuid 1");
      assertThat(s.info().get("rewards")).isEqualTo("syscall-evenness 1.0000\ntotal 1.0000");
      assertThat(s.info().get("outcome")).startsWith("exit 0 · 3 syscalls (0 denied) · 0 output bytes · 0 files");
    }
  }
}
