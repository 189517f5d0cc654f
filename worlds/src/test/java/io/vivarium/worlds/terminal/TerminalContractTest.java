package io.vivarium.worlds.terminal;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContract;
import io.vivarium.worlds.exec.HostProbe;
import org.junit.jupiter.api.BeforeAll;

/** The world contract on the terminal world: random keys typed into real shells, same seed same screens. */
class TerminalContractTest extends WorldContract {
  private static final TerminalPreset PRESET = TerminalPreset.of("terminal");

  @BeforeAll
  static void needsTheSandbox() {
    HostProbe.assumeSandbox();
  }

  @Override
  protected World create() {
    return new TerminalWorld(PRESET, 0, TerminalLimits.defaults());
  }

  @Override
  protected WorldBatch batch(int size) {
    return new TerminalBatch(PRESET, size, TerminalLimits.defaults());
  }

  @Override
  protected int rolloutSteps() {
    return 80;
  }
}
