package io.vivarium.worlds.exec;

import io.vivarium.core.world.ColonyCounts;
import java.util.List;
import java.util.Objects;

/**
 * How an exec world is built: its sandbox limits, how many action bytes make a program, the
 * episode length, the observation budgets and the reward. Immutable and thread-safe.
 *
 * @param preset the preset's name
 * @param limits the sandbox limits (and mode) of every run
 * @param actionBytes the most action bytes run as one program
 * @param maxSteps programs per episode
 * @param outputBytes the most output bytes observed on the {@code text} channel
 * @param noiseBytes random bytes observed on the {@code noise} channel
 * @param reward a reward name or weighted sum (see {@link ExecReward#parse})
 * @param machineState whether {@code touch} carries machine load and memory (not reproducible)
 */
public record ExecSettings(
    String preset,
    ExecLimits limits,
    int actionBytes,
    int maxSteps,
    int outputBytes,
    int noiseBytes,
    String reward,
    boolean machineState) {

  /** The presets, the default first. */
  public static final List<String> PRESETS =
      List.of("exec-machine-64", "exec-machine-256", "exec-shell-256", "exec-machine-256-live");

  public ExecSettings {
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(reward, "reward");
    check("actionBytes", actionBytes, 1, ExecProtocol.MAX_PROGRAM);
    check("maxSteps", maxSteps, 1, 1 << 24);
    check("outputBytes", outputBytes, 0, ExecProtocol.OUTPUT_SLOTS);
    check("noiseBytes", noiseBytes, 0, 4096);
    ExecReward.parse(reward, ColonyCounts.local()); // validates the name now, not mid-episode
  }

  /** The settings of {@code preset}; an unknown name lists the known ones. */
  public static ExecSettings preset(String preset) {
    return switch (preset) {
      case "exec-machine-64" -> machine(preset, 64, false);
      case "exec-machine-256" -> machine(preset, 256, false);
      case "exec-machine-256-live" -> machine(preset, 256, true);
      case "exec-shell-256" ->
          new ExecSettings(preset, ExecLimits.shell(), 256, 16, 128, 16, "syscall-evenness", false);
      default -> throw new IllegalArgumentException("unknown exec preset '" + preset
          + "'; known presets: " + PRESETS);
    };
  }

  private static ExecSettings machine(String name, int bytes, boolean live) {
    return new ExecSettings(name, ExecLimits.machine(), bytes, 16, 128, 16, "syscall-evenness", live);
  }

  /** These settings with other sandbox limits. */
  public ExecSettings withLimits(ExecLimits l) {
    return new ExecSettings(preset, l, actionBytes, maxSteps, outputBytes, noiseBytes, reward, machineState);
  }

  /** These settings with another reward. */
  public ExecSettings withReward(String r) {
    return new ExecSettings(preset, limits, actionBytes, maxSteps, outputBytes, noiseBytes, r, machineState);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("exec setting " + name + " must be between " + min
          + " and " + max + "; got " + value);
    }
  }
}
