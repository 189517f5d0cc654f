package io.vivarium.cli;

import io.vivarium.lab.gold.GoldViews;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The gold world in the terminal for {@code vivarium world gold}: the expert's episode as ASCII
 * frames (default), a game to play, the start picture as PNG, or tutorial questions, through
 * {@link GoldViews}; this class owns the terminal. Holds one command's arguments; not thread-safe.
 */
final class GoldView {
  private final GoldViews views;
  private final PrintWriter out;

  GoldView(String preset, long seed, PrintWriter out) {
    this.views = GoldViews.of(preset, seed);
    this.out = out;
  }

  void run(boolean play, Path png, Integer qa) throws IOException, InterruptedException {
    if (png != null) {
      views.writeStartPng(png);
      out.println("wrote " + png);
    } else if (qa != null) {
      if (qa < 1) {
        throw new IllegalArgumentException("--qa must be at least 1; got " + qa);
      }
      views.qa(qa, out);
    } else if (play) {
      play();
    } else {
      views.expertEpisode(out);
    }
    out.flush();
  }

  /** Single key presses need the terminal in raw mode; it is restored afterwards. */
  private void play() throws IOException, InterruptedException {
    String saved = System.console() == null ? null : stty("-g").strip();
    try {
      if (saved != null) {
        stty("-icanon", "-echo", "min", "1");
      }
      views.play(System.in, out);
    } finally {
      if (saved != null) {
        stty(saved);
      }
    }
  }

  private static String stty(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "stty";
    System.arraycopy(args, 0, command, 1, args.length);
    Process proc = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    proc.waitFor();
    return text;
  }
}
