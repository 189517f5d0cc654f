package io.vivarium.cli;

import io.vivarium.lab.terminal.TerminalGame;
import io.vivarium.lab.terminal.TerminalGame.Outcome;
import io.vivarium.lab.terminal.TerminalShell;
import io.vivarium.lab.terminal.TerminalViews;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code vivarium world terminal --play}: the sandboxed shell on the person's own terminal, put in
 * raw mode (restored on the way out, by a shutdown hook too). Without a preset every byte typed
 * goes to a bare shell and its output straight to the screen; with one, the task's episode runs
 * through {@link TerminalGame}, one key per step, redrawn after each batch of keys. Ctrl-] quits.
 * Owns standard input and output while it runs; not thread-safe.
 */
final class TerminalPlay {
  /** Ctrl-]: leaves the session, as in telnet. */
  static final byte QUIT = 0x1d;
  /** How long an idle bare shell waits between polls for output of background commands. */
  private static final long IDLE_MILLIS = 20;
  private static final String HINT = "Ctrl-] quits";
  private final String preset;
  private final long seed;
  private final InputStream in = System.in;
  private final PrintStream term = System.out;

  /** A bare shell when {@code preset} is null, else {@code preset}'s episode from {@code seed}. */
  TerminalPlay(String preset, long seed) {
    this.preset = preset;
    this.seed = seed;
  }

  void run() throws IOException, InterruptedException {
    if (!standardInputIsTerminal()) {
      throw new IllegalStateException("--play needs a terminal on standard input, and it is not one (a pipe or"
          + " file); to type lines into the sandboxed shell from a script use --type FILE (or --type - for stdin)");
    }
    int[] size = size();
    try (TerminalGame game = preset == null ? null : new TerminalGame(preset, seed)) {
      String saved = stty("-g").strip();
      Thread restore = new Thread(() -> restore(saved));
      Runtime.getRuntime().addShutdownHook(restore);
      try {
        stty("raw", "-echo");
        message("sandboxed shell; Ctrl-] quits");
        if (game == null) {
          shell(size[0], size[1]);
        } else {
          episode(game);
        }
      } finally {
        restore(saved);
        try {
          Runtime.getRuntime().removeShutdownHook(restore);
        } catch (IllegalStateException e) {
          // the JVM is shutting down: the hook runs (again) and does no harm
        }
      }
    }
  }

  /** A bare shell of the terminal's size: keys as typed, output as written, polled while idle. */
  private void shell(int rows, int cols) throws IOException, InterruptedException {
    try (TerminalShell shell = new TerminalShell(rows, cols)) {
      show(shell.opened());
      byte[] buffer = new byte[4096];
      boolean quit = false;
      byte[] output = shell.opened();
      while (!quit && !shell.ended()) {
        int ready = in.available();
        int n = ready > 0 ? in.read(buffer, 0, Math.min(ready, buffer.length)) : 0;
        int stop = n < 0 ? 0 : indexOf(buffer, n, QUIT);
        quit = n < 0 || stop >= 0;
        byte[] keys = Arrays.copyOf(buffer, quit ? Math.max(stop, 0) : n);
        if (keys.length == 0 && !quit && !shell.busy() && output.length == 0) {
          Thread.sleep(IDLE_MILLIS);
        }
        output = shell.type(keys);
        show(output);
      }
      message(shell.ended() ? "the session ended" : "quit");
    }
  }

  /** The task's episode: the first screen, then each key a step, until done, out of steps or Ctrl-]. */
  private void episode(TerminalGame game) throws IOException {
    term.print("\033[2J" + game.drawing(HINT));
    term.flush();
    byte[] buffer = new byte[256];
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      int stop = indexOf(buffer, n, QUIT);
      Outcome o = game.press(buffer, stop < 0 ? n : stop);
      term.print(game.drawing(HINT));
      if (o != Outcome.PLAYING || stop >= 0) {
        term.print("\033[" + (game.rows() + 1) + ";1H"); // the status line: messages go below the screen
        message(switch (o) {
          case PLAYING -> "quit";
          case DONE -> "done";
          case OUT_OF_STEPS -> "out of steps: the task is not done";
          case ENDED -> "the session ended; the task is not done";
        });
        return;
      }
      term.flush();
    }
  }

  private void show(byte[] bytes) {
    term.write(bytes, 0, bytes.length);
    term.flush();
  }

  private void message(String text) {
    term.print("\r\n[vivarium] " + text + "\r\n");
    term.flush();
  }

  private static int indexOf(byte[] bytes, int n, byte b) {
    for (int i = 0; i < n; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Whether standard input is a terminal ({@code test -t 0} in a child that inherits it). */
  static boolean standardInputIsTerminal() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("test", "-t", "0").redirectInput(ProcessBuilder.Redirect.INHERIT)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor() == 0;
  }

  /** The terminal's rows and columns, or 24x80 when it does not say. */
  private static int[] size() throws IOException, InterruptedException {
    String[] f = stty("size").strip().split("\\s+");
    try {
      int rows = Integer.parseInt(f[0]);
      int cols = Integer.parseInt(f[1]);
      return new int[] {Math.clamp(rows, 2, 500), Math.clamp(cols, 2, 500)};
    } catch (RuntimeException e) {
      return new int[] {TerminalViews.ROWS, TerminalViews.COLS};
    }
  }

  private static void restore(String saved) {
    try {
      stty(saved.isEmpty() ? "sane" : saved);
    } catch (IOException e) {
      // nothing more can be done for the terminal; the person can type `stty sane`
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String stty(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "stty";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return text;
  }
}
