package io.vivarium.lab.terminal;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.Step;
import io.vivarium.worlds.terminal.Keys;
import io.vivarium.worlds.terminal.Screen;
import io.vivarium.worlds.terminal.TerminalLimits;
import io.vivarium.worlds.terminal.TerminalPreset;
import io.vivarium.worlds.terminal.TerminalWorld;

/**
 * A task's episode of the terminal world played by a person: the bytes their terminal sends
 * become the world's keys, one step each, and the screen is drawn back with VT100 sequences.
 * Not thread-safe.
 */
public final class TerminalGame implements AutoCloseable {
  /** Where the episode stands. */
  public enum Outcome {
    /** Keys are still welcome. */
    PLAYING,
    /** The task's checker passed. */
    DONE,
    /** The step limit came first. */
    OUT_OF_STEPS,
    /** The shell exited or a limit ended the session before the task was done. */
    ENDED
  }

  private final TerminalWorld world;
  private int steps;
  private Outcome outcome = Outcome.PLAYING;

  /** Starts the episode of terminal preset {@code preset} from {@code seed}; an unknown preset lists the known ones. */
  public TerminalGame(String preset, long seed) {
    world = new TerminalWorld(TerminalPreset.of(preset), 0, TerminalLimits.defaults());
    try {
      world.reset(seed);
    } catch (RuntimeException e) {
      world.close();
      throw e;
    }
  }

  /**
   * Types the first {@code n} bytes a person's terminal sent: printable ASCII, Enter, Tab,
   * Backspace, Ctrl-C, Ctrl-U and the arrow keys' escape sequences are keys, other bytes are
   * skipped. Stops at the end of the episode; returns where it stands.
   */
  public Outcome press(byte[] typed, int n) {
    for (int i = 0; i < n && outcome == Outcome.PLAYING; i++) {
      boolean arrow = typed[i] == 0x1b && i + 2 < n && typed[i + 1] == '[' && typed[i + 2] >= 'A'
          && typed[i + 2] <= 'D';
      byte key = arrow ? (byte) (Keys.UP + typed[i + 2] - 'A') : typed[i];
      i += arrow ? 2 : 0;
      if (Keys.isKey(key)) {
        Step s = world.step(Action.motor(key));
        steps++;
        if (s.done()) {
          outcome = "true".equals(s.info().get("success")) ? Outcome.DONE
              : s.truncated() ? Outcome.OUT_OF_STEPS : Outcome.ENDED;
        }
      }
    }
    return outcome;
  }

  /** Where the episode stands. */
  public Outcome outcome() {
    return outcome;
  }

  /** Rows of the screen (the status line follows them). */
  public int rows() {
    return world.screen().rows();
  }

  /**
   * The screen for a VT100-compatible terminal: from the top-left corner each row, erased to its
   * end, then a status line (the task, steps taken and the limit, {@code hint}), then the cursor
   * put where the screen has it.
   */
  public String drawing(String hint) {
    Screen s = world.screen();
    StringBuilder b = new StringBuilder("\033[H");
    for (int r = 0; r < s.rows(); r++) {
      b.append(s.row(r)).append("\033[K\r\n");
    }
    b.append("-- ").append(world.episode().mission()).append(" | step ").append(steps).append('/')
        .append(world.spec().maxSteps()).append(" | ").append(hint).append("\033[K");
    b.append("\033[").append(s.cursorRow() + 1).append(';').append(s.cursorCol() + 1).append('H');
    return b.toString();
  }

  @Override
  public void close() {
    world.close();
  }
}
