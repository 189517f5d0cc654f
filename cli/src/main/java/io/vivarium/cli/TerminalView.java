package io.vivarium.cli;

import io.vivarium.core.world.Png;
import io.vivarium.lab.terminal.TerminalViews;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The terminal world for people and scripts in {@code vivarium world terminal}, through
 * {@link TerminalViews}: types a file's lines into one sandboxed shell and prints the final screen
 * ({@code --type}), writes the screen as PNG ({@code --png}), or hands the shell to the person at
 * the terminal ({@code --play}, see {@link TerminalPlay}). Holds one command's arguments; not
 * thread-safe.
 */
final class TerminalView {
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
      new TerminalPlay(presetGiven ? preset : null, seed).run();
      return;
    }
    if (type != null && presetGiven) {
      throw new IllegalArgumentException("--type types into a bare " + TerminalViews.COLS + "x" + TerminalViews.ROWS
          + " shell, not a task's episode; drop --preset " + preset
          + " (or drop --type to picture the episode's first screen)");
    }
    TerminalViews.Shot shot = type != null ? TerminalViews.typed(lines(type)) : TerminalViews.firstScreen(preset, seed);
    if (type != null) {
      out.print(shot.text());
    }
    if (png != null) {
      Png.write(shot.picture(), png);
      out.println("wrote " + png + " (" + shot.picture().width() + "x" + shot.picture().height() + ")");
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
}
