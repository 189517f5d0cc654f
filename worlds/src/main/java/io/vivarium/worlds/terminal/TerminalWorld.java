package io.vivarium.worlds.terminal;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ActionNames;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Renderer;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One terminal of the terminal world: a shell on a pseudo-terminal inside the exec sandbox, whose
 * keys are the agent's motor bytes ({@link Keys}) and whose screen, task and machine state are its
 * observations. A reset lays out the episode of a task from the seed; the same seed and keys give
 * the same screens wherever the commands typed are deterministic. Not thread-safe.
 */
public final class TerminalWorld implements World, Renderer, ActionNames {
  private final TerminalPreset preset;
  private final int level;
  private final Spec spec;
  private final TerminalInstance terminal;

  /** A terminal of {@code preset} whose episodes start at curriculum {@code level}. */
  public TerminalWorld(TerminalPreset preset, int level, TerminalLimits limits) {
    if (level < 0 || level >= preset.tasks().size()) {
      throw new IllegalArgumentException("terminal preset " + preset.name() + " has levels 0 to "
          + (preset.tasks().size() - 1) + " (one per task); got level " + level);
    }
    this.preset = preset;
    this.level = level;
    this.spec = spec(preset);
    this.terminal = new TerminalInstance(preset, limits);
  }

  /**
   * What terminals of {@code preset} show: the screen as compact text on {@code text} (the task's
   * banner is its first row), the machine's state on {@code touch}, the screen drawn as a picture
   * (which brains of {@code +pixels} presets read in place of {@code video}); one key per step.
   */
  public static Spec spec(TerminalPreset preset) {
    Map<Channel, Integer> bytes = Map.of(Channel.TEXT, TerminalInstance.SCREEN_BYTES, Channel.TOUCH,
        TerminalInstance.TOUCH_BYTES);
    return new Spec("terminal", preset.name(), bytes, preset.cols() * Glyphs.WIDTH, preset.rows() * Glyphs.HEIGHT,
        Channel.MOTOR, 1, Keys.alphabet(), preset.maxSteps(), preset.pixels());
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Observation reset(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    terminal.sendReset(random.nextLong(), TerminalCurriculum.task(preset.tasks(), level, random));
    terminal.receiveReset();
    return terminal.observation();
  }

  @Override
  public Step step(Action action) {
    int k = action.firstMotor();
    terminal.sendKey(k < 0 ? 0 : (byte) k);
    terminal.receiveKey();
    Map<String, String> info = new LinkedHashMap<>();
    info.put("task", terminal.episode().task().key());
    info.put("key", Keys.name(k < 0 ? 0 : (byte) k));
    info.put("success", Boolean.toString(terminal.success()));
    info.put("touch", terminal.touchText());
    info.put("usage", terminal.usageText());
    if (terminal.lastStep().busy()) {
      info.put("busy", "true");
    }
    TerminalStep last = terminal.lastStep();
    if (!last.limit().isEmpty()) {
      info.put("limit", last.limit());
    }
    if (last.ended()) {
      info.put("ended", last.signal() != 0 ? "signal " + last.signal() : "exit " + last.exitCode());
    }
    return new Step(terminal.observation(), terminal.reward(), terminal.terminated(), terminal.truncated(), info);
  }

  /** The key the scripted expert would type now. */
  public byte expertKey() {
    return terminal.expertKey();
  }

  /** The screen now. */
  public Screen screen() {
    return terminal.screen();
  }

  /** The current episode. */
  public TerminalEpisode episode() {
    return terminal.episode();
  }

  @Override
  public Image picture(int i) {
    return ScreenPicture.of(terminal.screen());
  }

  /** The key's name ({@link Keys#name}), e.g. {@code a}, {@code Space}, {@code Enter}. */
  @Override
  public String actionName(byte action) {
    return Keys.name(action);
  }

  @Override
  public String text(int i) {
    return terminal.text();
  }

  @Override
  public void close() {
    terminal.close();
  }
}
