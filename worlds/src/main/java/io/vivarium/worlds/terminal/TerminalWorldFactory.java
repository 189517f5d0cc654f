package io.vivarium.worlds.terminal;

import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import java.util.List;
import java.util.Map;

/** Registers the terminal world and its presets with {@code Worlds}. Stateless and thread-safe. */
public final class TerminalWorldFactory implements io.vivarium.core.world.WorldFactory {
  @Override
  public String name() {
    return "terminal";
  }

  @Override
  public String description() {
    return "a real shell on a pseudo-terminal inside the exec sandbox: keys in, screen out, small tasks to do";
  }

  @Override
  public List<String> presets() {
    return TerminalPreset.names();
  }

  @Override
  public World create(String preset) {
    return create(preset, 0);
  }

  @Override
  public World create(String preset, int level) {
    return new TerminalWorld(preset(preset), level, TerminalLimits.defaults());
  }

  /** The spec from the preset alone, without starting a sandbox. */
  @Override
  public Spec spec(String preset) {
    return TerminalWorld.spec(preset(preset));
  }

  /** Every task has a scripted expert. */
  @Override
  public boolean hasExpert(String preset) {
    preset(preset);
    return true;
  }

  @Override
  public boolean hasTextExpert(String preset) {
    preset(preset);
    return false;
  }

  /** Terminals can be woven: {@code type COMMAND} and {@code keys NAMES} ({@link TerminalBatch}'s tools). */
  @Override
  public boolean hasTools(String preset) {
    preset(preset);
    return true;
  }

  /** A batch whose terminals settle at once ({@link TerminalBatch}). */
  @Override
  public WorldBatch batch(String preset, int size) {
    return new TerminalBatch(preset(preset), size, TerminalLimits.defaults());
  }

  /**
   * A terminal colony's defaults: 8 terminals per agent (each is a sandbox process); two founders
   * of small brains that clone the expert for 200,000 steps before PPO (copying a word from the
   * banner to the prompt takes tens of thousands of labelled keys; tiny brains and short cloning
   * did not get there in a 10-minute run); PPO then kept near the cloned policy (a KL penalty of
   * 1 to the brain as cloning left it, learning rate 5e-5, entropy bonus 0.001: with the usual
   * settings the policy collapsed within two minutes of the switch); a child every 2,000
   * episodes, at most 4 agents. docs/terminal.md has the runs behind these numbers.
   */
  @Override
  public Map<String, Object> suggestions() {
    return Map.ofEntries(Map.entry("world.batch", 8), Map.entry("colony.agents", 2),
        Map.entry("colony.maxAgents", 4), Map.entry("brain.preset", "small"), Map.entry("colony.bcSteps", 200_000),
        Map.entry("colony.replicateEvery", 2000), Map.entry("learn.klRef", 1.0), Map.entry("learn.lr", 5e-5),
        Map.entry("learn.ppo.entropy", 0.001));
  }

  private static TerminalPreset preset(String name) {
    return TerminalPreset.of(name);
  }
}
