package io.vivarium.worlds.exec;

import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.util.List;
import java.util.Map;

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

  /** Nor a good program to clone (and asking must not start a sandbox). */
  @Override
  public boolean hasTextExpert(String preset) {
    return false;
  }

  /** A colony's has one when {@code world.exec.teacher} names programs to clone. */
  @Override
  public boolean hasTextExpert(String preset, WorldContext context) {
    return !context.config().exec().teacher().isEmpty();
  }

  /** Programs are not tool calls: exec cannot be woven. */
  @Override
  public boolean hasTools(String preset) {
    return false;
  }

  /**
   * A colony's batch ({@link ExecBatch}): groups of instances share a context, every program is
   * an episode, and the programs run on the colony's shared sandbox workers; {@code world.reward}
   * replaces the preset's reward.
   */
  @Override
  public WorldBatch batch(String preset, int size, WorldContext context) {
    return ExecBatch.of(settings(preset, context), context.config().exec(), context.counts(), size);
  }

  /** What a colony's batch shows with the context's switches; checks the teacher's programs. */
  @Override
  public Spec spec(String preset, WorldContext context) {
    ExecSettings s = settings(preset, context);
    String teacher = context.config().exec().teacher();
    if (!teacher.isEmpty()) {
      ExecTeacher.load(teacher, s.actionBytes());
    }
    return ExecBatch.spec(s, context.config().exec());
  }

  /**
   * An exec colony's defaults: 32 programs per agent and step in 4 groups of 8 (one group, one
   * mind), one pass of GRPO over them (each program is learned from once; more passes cost time
   * the sandbox could use, see docs/worlds.md), two recalled memories of a whole 64-byte program
   * each, deduplicated; a child every 2,048 programs at most (an episode is one program, so the
   * gold colony's 20 episodes would be less than a step).
   */
  @Override
  public Map<String, Object> suggestions() {
    return Map.of("world.batch", 32, "learn.grpo.group", 8, "learn.grpo.epochs", 1, "memory.k", 2,
        "memory.contextBytes", 128, "memory.dedup", true, "colony.replicateEvery", 2048);
  }

  private ExecSettings settings(String preset, WorldContext context) {
    if (!ExecSettings.PRESETS.contains(preset)) {
      throw Worlds.unknownPreset(name(), preset, presets());
    }
    ExecSettings s = ExecSettings.preset(preset);
    String reward = context.config().reward();
    try {
      return reward.isEmpty() ? s : s.withReward(reward);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("world.reward: " + e.getMessage(), e);
    }
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
