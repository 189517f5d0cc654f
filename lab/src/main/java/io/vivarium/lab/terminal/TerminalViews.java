package io.vivarium.lab.terminal;

import io.vivarium.core.world.Image;
import io.vivarium.worlds.terminal.Screen;
import io.vivarium.worlds.terminal.ScreenPicture;
import io.vivarium.worlds.terminal.TerminalLimits;
import io.vivarium.worlds.terminal.TerminalPreset;
import io.vivarium.worlds.terminal.TerminalWorld;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Screens of the terminal world for scripts: what a bare sandboxed shell shows after lines are
 * typed into it, and the first screen of a preset's episode, each as text and as the rendered
 * picture. Stateless; thread-safe (each call starts its own sandbox).
 */
public final class TerminalViews {
  /** Rows and columns of the bare shell lines are typed into. */
  public static final int ROWS = 24;
  public static final int COLS = 80;
  /** The longest one typed line may keep the shell busy before the next is typed. */
  private static final long LINE_NANOS = 10_000_000_000L;
  /** How long a shell that is not busy must stay silent to count as waiting for the next line. */
  private static final long IDLE_NANOS = 300_000_000L;

  private TerminalViews() {}

  /**
   * A screen: its rows with trailing blanks and blank rows at the bottom removed, one line each,
   * and its picture ({@code cols × 6} by {@code rows × 8} pixels, block cursor).
   */
  public record Shot(String text, Image picture) {}

  /**
   * Types each of {@code lines} and Enter into a fresh {@value #COLS}×{@value #ROWS} dash in the
   * sandbox (default limits, empty home), waiting after each until the shell prompts again, ends
   * or stays idle for 300 ms (at most 10 s);
   * lines after the shell ended are not typed. Returns the final screen.
   */
  public static Shot typed(List<String> lines) {
    Screen screen = new Screen(COLS, ROWS);
    try (TerminalShell shell = new TerminalShell(ROWS, COLS)) {
      screen.feed(shell.opened());
      for (String line : lines) {
        if (shell.ended()) {
          break;
        }
        byte[] output = shell.type((line + "\r").getBytes(StandardCharsets.UTF_8));
        screen.feed(output);
        settle(shell, screen, TerminalShell.prompts(output));
      }
    }
    return shot(screen);
  }

  /**
   * Waits, feeding {@code screen}, until the shell prompts again, ends, or has been idle (not
   * busy, no output) for 300 ms; at most 10 s. A step can settle before a loaded machine runs the
   * shell, so its being quiet once is not enough.
   */
  private static void settle(TerminalShell shell, Screen screen, boolean prompted) {
    long start = System.nanoTime();
    long quietSince = start;
    while (!prompted && !shell.ended() && System.nanoTime() - start < LINE_NANOS
        && (shell.busy() || System.nanoTime() - quietSince < IDLE_NANOS)) {
      byte[] output = shell.type(new byte[0]);
      screen.feed(output);
      prompted = TerminalShell.prompts(output);
      quietSince = output.length > 0 ? System.nanoTime() : quietSince;
    }
  }

  /** The first screen of terminal preset {@code preset}'s episode from {@code seed}; an unknown preset lists the known ones. */
  public static Shot firstScreen(String preset, long seed) {
    try (TerminalWorld world = new TerminalWorld(TerminalPreset.of(preset), 0, TerminalLimits.defaults())) {
      world.reset(seed);
      return shot(world.screen());
    }
  }

  static Shot shot(Screen screen) {
    List<String> rows = new ArrayList<>(screen.text().lines().toList());
    while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
      rows.remove(rows.size() - 1);
    }
    StringBuilder b = new StringBuilder();
    rows.forEach(r -> b.append(r).append('\n'));
    return new Shot(b.toString(), ScreenPicture.of(screen));
  }
}
