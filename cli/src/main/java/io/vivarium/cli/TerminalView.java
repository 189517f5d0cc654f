package io.vivarium.cli;

import io.vivarium.core.world.Image;
import io.vivarium.core.world.Png;
import io.vivarium.worlds.terminal.Screen;
import io.vivarium.worlds.terminal.ScreenPicture;
import io.vivarium.worlds.terminal.TerminalLimits;
import io.vivarium.worlds.terminal.TerminalPreset;
import io.vivarium.worlds.terminal.TerminalSandbox;
import io.vivarium.worlds.terminal.TerminalStep;
import io.vivarium.worlds.terminal.TerminalWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal world for people and scripts in {@code vivarium world terminal}: types a file's
 * lines into one sandboxed shell and prints the final screen ({@code --type}), writes the screen
 * as PNG ({@code --png}), or hands the shell to the person at the terminal ({@code --play}, see
 * {@link TerminalPlay}). Holds one command's arguments; not thread-safe.
 */
final class TerminalView {
  /** Rows and columns of the terminal {@code --type} types into. */
  static final int ROWS = 24;
  static final int COLS = 80;
  /** The longest one typed line may keep the shell busy before the next is typed. */
  private static final long LINE_NANOS = 10_000_000_000L;
  private final String preset;
  private final boolean presetGiven;
  private final long seed;
  private final PrintWriter out;

  TerminalView(String preset, boolean presetGiven, long seed, PrintWriter out) {
    this.preset = preset;
    this.presetGiven = presetGiven;
    this.seed = seed;
    this.out = out;
  }

  void run(boolean play, Path png, String type) throws IOException, InterruptedException {
    if (play && (png != null || type != null)) {
      throw new IllegalArgumentException("--play goes alone; --type and --png are for scripts; drop one of them");
    }
    if (play) {
      new TerminalPlay(presetGiven ? TerminalPreset.of(preset) : null, seed).run();
      return;
    }
    if (type != null && presetGiven) {
      throw new IllegalArgumentException("--type types into a bare " + COLS + "x" + ROWS + " shell, not a task's"
          + " episode; drop --preset " + preset + " (or drop --type to picture the episode's first screen)");
    }
    Screen screen = type != null ? typed(lines(type)) : firstScreen();
    if (type != null) {
      out.print(text(screen));
    }
    if (png != null) {
      Image picture = ScreenPicture.of(screen);
      Png.write(picture, png);
      out.println("wrote " + png + " (" + picture.width() + "x" + picture.height() + ")");
    }
    out.flush();
  }

  /** The lines of {@code file}, or of standard input for {@code -}. */
  private static List<String> lines(String file) throws IOException {
    if (file.equals("-")) {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--type file " + file + " does not exist; give a file of lines to type"
          + " (or - for standard input)");
    }
  }

  /** Types each line and Enter into a fresh sandboxed shell, waiting while the shell is busy. */
  private static Screen typed(List<String> lines) {
    Screen screen = new Screen(COLS, ROWS);
    try (TerminalSandbox sandbox = new TerminalSandbox(TerminalLimits.defaults())) {
      TerminalStep step = sandbox.open(ROWS, COLS, TerminalSandbox.Shell.SH, "");
      screen.feed(step.output());
      for (String line : lines) {
        if (step.ended()) {
          break;
        }
        step = sandbox.type((line + "\r").getBytes(StandardCharsets.UTF_8));
        screen.feed(step.output());
        long deadline = System.nanoTime() + LINE_NANOS;
        while (step.busy() && !step.ended() && System.nanoTime() < deadline) {
          step = sandbox.type(new byte[0]);
          screen.feed(step.output());
        }
      }
      sandbox.end();
    }
    return screen;
  }

  /** The first screen of {@link #preset}'s episode made from {@link #seed}. */
  private Screen firstScreen() {
    try (TerminalWorld world = new TerminalWorld(TerminalPreset.of(preset), 0, TerminalLimits.defaults())) {
      world.reset(seed);
      return world.screen();
    }
  }

  /** The screen's rows, trailing blanks removed, blank rows at the bottom dropped. */
  static String text(Screen screen) {
    List<String> rows = new ArrayList<>(screen.text().lines().toList());
    while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
      rows.remove(rows.size() - 1);
    }
    StringBuilder b = new StringBuilder();
    rows.forEach(r -> b.append(r).append('\n'));
    return b.toString();
  }
}
