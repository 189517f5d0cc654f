package io.vivarium.worlds.exec;

import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.util.List;

/** Registers the exec world and its presets with {@link Worlds}. Stateless and thread-safe. */
public final class ExecWorldFactory implements WorldFactory {
  @Override
  public String name() {
    return "exec";
  }

  @Override
  public String description() {
    return "agents' bytes run as x86-64 machine code (or sh scripts) in a native sandbox that "
        + "counts every system call";
  }

  @Override
  public List<String> presets() {
    return ExecSettings.PRESETS;
  }

  @Override
  public World create(String preset) {
    if (!ExecSettings.PRESETS.contains(preset)) {
      throw Worlds.unknownPreset(name(), preset, presets());
    }
    return new ExecWorld(ExecSettings.preset(preset));
  }

  /** The spec from the preset's settings, without starting a sandbox. */
  @Override
  public Spec spec(String preset) {
    if (!ExecSettings.PRESETS.contains(preset)) {
      throw Worlds.unknownPreset(name(), preset, presets());
    }
    return ExecWorld.spec(ExecSettings.preset(preset));
  }

  /** Programs have no expert. */
  @Override
  public boolean hasExpert(String preset) {
    return false;
  }

  /** One executor for the whole batch. */
  @Override
  public WorldBatch batch(String preset, int size) {
    if (!ExecSettings.PRESETS.contains(preset)) {
      throw Worlds.unknownPreset(name(), preset, presets());
    }
    return ExecWorld.batch(ExecSettings.preset(preset), size);
  }
}
