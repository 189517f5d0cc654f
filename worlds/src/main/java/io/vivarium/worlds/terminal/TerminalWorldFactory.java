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

  /** A batch whose terminals settle at once ({@link TerminalBatch}). */
  @Override
  public WorldBatch batch(String preset, int size) {
    return new TerminalBatch(preset(preset), size, TerminalLimits.defaults());
  }

  /**
   * A terminal colony's defaults: 8 terminals per agent (each is a sandbox process); two founders
   * of small brains that clone the expert for 150,000 steps before PPO (copying a word from the
   * banner to the prompt takes a few tens of thousands of labelled keys; tiny brains and shorter
   * cloning did not get there in a 10-minute run, docs/terminal.md); a child every 400 episodes,
   * at most 4 agents, so that each learner keeps a core's share.
   */
  @Override
  public Map<String, Object> suggestions() {
    return Map.of("world.batch", 8, "colony.agents", 2, "colony.maxAgents", 4, "brain.preset", "small",
        "colony.bcSteps", 150_000, "colony.replicateEvery", 400);
  }

  private static TerminalPreset preset(String name) {
    return TerminalPreset.of(name);
  }
}
