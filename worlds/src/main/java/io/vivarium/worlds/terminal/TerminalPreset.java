package io.vivarium.worlds.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * A named configuration of the terminal world: its tasks, screen size, step limit and shell.
 * Immutable and thread-safe.
 *
 * @param name the preset's name, modifiers included
 * @param tasks the tasks, easiest first; with more than one a curriculum unlocks them in order
 * @param cols terminal width in characters
 * @param rows terminal height in characters
 * @param maxSteps the step limit of an episode (one key per step)
 * @param shell the shell a session runs
 * @param pixels whether brains read the rendered picture in place of the screen's text
 */
public record TerminalPreset(String name, List<TerminalTask> tasks, int cols, int rows, int maxSteps,
    TerminalSandbox.Shell shell, boolean pixels) {
  /** The modifiers a preset name may carry. */
  public static final List<String> MODIFIERS = List.of("+bash", "+pixels");

  public TerminalPreset {
    tasks = List.copyOf(tasks);
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("terminal preset " + name + " needs at least one task");
    }
  }

  /** The presets without modifiers, the default first. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(List.of("terminal", "terminal-first3"));
    for (TerminalTask t : TerminalTask.values()) {
      names.add("terminal-" + t.key());
    }
    return names;
  }

  /**
   * The preset named {@code name}: {@code terminal} (every task, 80×24, 64 steps),
   * {@code terminal-first3} (echo, touch, list; 48 steps) or {@code terminal-TASK} (one task, 48
   * steps), each optionally followed by {@code +bash} (bash instead of dash) and {@code +pixels}
   * (a 32×6 terminal whose picture the brain reads).
   */
  public static TerminalPreset of(String name) {
    String base = name;
    boolean bash = false;
    boolean pixels = false;
    while (base.contains("+")) {
      int at = base.lastIndexOf('+');
      String modifier = base.substring(at);
      switch (modifier) {
        case "+bash" -> bash = true;
        case "+pixels" -> pixels = true;
        default -> throw new IllegalArgumentException("terminal preset modifier must be one of " + MODIFIERS
            + "; got '" + modifier + "' in '" + name + "'");
      }
      base = base.substring(0, at);
    }
    List<TerminalTask> tasks;
    int steps = 48;
    if (base.equals("terminal")) {
      tasks = List.of(TerminalTask.values());
      steps = 64;
    } else if (base.equals("terminal-first3")) {
      tasks = List.of(TerminalTask.ECHO, TerminalTask.TOUCH, TerminalTask.LIST);
    } else if (base.startsWith("terminal-") && known(base.substring(9))) {
      tasks = List.of(TerminalTask.of(base.substring(9)));
    } else {
      throw new IllegalArgumentException("unknown terminal preset '" + name + "'; known presets: " + names()
          + ", each with optional modifiers " + MODIFIERS);
    }
    return new TerminalPreset(name, tasks, pixels ? 32 : 80, pixels ? 6 : 24, steps,
        bash ? TerminalSandbox.Shell.BASH : TerminalSandbox.Shell.SH, pixels);
  }

  private static boolean known(String task) {
    for (TerminalTask t : TerminalTask.values()) {
      if (t.key().equals(task)) {
        return true;
      }
    }
    return false;
  }
}
