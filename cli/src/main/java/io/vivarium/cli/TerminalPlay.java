package io.vivarium.cli;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.Step;
import io.vivarium.worlds.terminal.Keys;
import io.vivarium.worlds.terminal.Screen;
import io.vivarium.worlds.terminal.TerminalLimits;
import io.vivarium.worlds.terminal.TerminalPreset;
import io.vivarium.worlds.terminal.TerminalSandbox;
import io.vivarium.worlds.terminal.TerminalStep;
import io.vivarium.worlds.terminal.TerminalWorld;
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
 * through {@link TerminalWorld}, one key per step, redrawn after each batch of keys. Ctrl-] quits.
 * Owns standard input and output while it runs; not thread-safe.
 */
final class TerminalPlay {
  /** Ctrl-]: leaves the session, as in telnet. */
  static final byte QUIT = 0x1d;
  /** How long an idle bare shell waits between polls for output of background commands. */
  private static final long IDLE_MILLIS = 20;
  private final TerminalPreset preset;
  private final long seed;
  private final InputStream in = System.in;
  private final PrintStream term = System.out;

  /** A bare shell when {@code preset} is null, else {@code preset}'s episode from {@code seed}. */
  TerminalPlay(TerminalPreset preset, long seed) {
    this.preset = preset;
    this.seed = seed;
  }

  void run() throws IOException, InterruptedException {
    if (!standardInputIsTerminal()) {
      throw new IllegalStateException("--play needs a terminal on standard input, and it is not one (a pipe or"
          + " file); to type lines into the sandboxed shell from a script use --type FILE (or --type - for stdin)");
    }
    int[] size = size();
    String saved = stty("-g").strip();
    Thread restore = new Thread(() -> restore(saved));
    Runtime.getRuntime().addShutdownHook(restore);
    try {
      stty("raw", "-echo");
      message("sandboxed shell; Ctrl-] quits");
      if (preset == null) {
        shell(size[0], size[1]);
      } else {
        episode();
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

  /** A bare shell of the terminal's size: keys as typed, output as written, polled while idle. */
  private void shell(int rows, int cols) throws IOException, InterruptedException {
    try (TerminalSandbox sandbox = new TerminalSandbox(TerminalLimits.defaults())) {
      TerminalStep step = sandbox.open(rows, cols, TerminalSandbox.Shell.SH, "");
      show(step.output());
      byte[] buffer = new byte[4096];
      boolean quit = false;
      while (!quit && !step.ended()) {
        int ready = in.available();
        int n = ready > 0 ? in.read(buffer, 0, Math.min(ready, buffer.length)) : 0;
        int stop = n < 0 ? 0 : indexOf(buffer, n, QUIT);
        quit = n < 0 || stop >= 0;
        byte[] keys = Arrays.copyOf(buffer, quit ? Math.max(stop, 0) : n);
        if (keys.length == 0 && !quit && !step.busy() && step.output().length == 0) {
          Thread.sleep(IDLE_MILLIS);
        }
        step = sandbox.type(keys);
        show(step.output());
      }
      message(step.ended() ? "the session ended" : "quit");
    }
  }

  /** The task's episode: the first screen, then each key a step, until done, out of steps or Ctrl-]. */
  private void episode() throws IOException {
    try (TerminalWorld world = new TerminalWorld(preset, 0, TerminalLimits.defaults())) {
      world.reset(seed);
      term.print("\033[2J");
      draw(world, 0);
      byte[] buffer = new byte[256];
      int steps = 0;
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == QUIT) {
            below(world);
            message("quit");
            return;
          }
          boolean arrow = buffer[i] == 0x1b && i + 2 < n && buffer[i + 1] == '[' && buffer[i + 2] >= 'A'
              && buffer[i + 2] <= 'D';
          byte key = arrow ? (byte) (Keys.UP + buffer[i + 2] - 'A') : buffer[i];
          i += arrow ? 2 : 0;
          if (!Keys.isKey(key)) {
            continue;
          }
          Step s = world.step(Action.motor(key));
          steps++;
          if (s.done()) {
            draw(world, steps);
            below(world);
            message("true".equals(s.info().get("success")) ? "done"
                : s.truncated() ? "out of steps: the task is not done" : "the session ended; the task is not done");
            return;
          }
        }
        draw(world, steps);
      }
    }
  }

  /** Redraws the world's screen in place, a status line below it, and puts the cursor where the screen's is. */
  private void draw(TerminalWorld world, int steps) {
    Screen s = world.screen();
    StringBuilder b = new StringBuilder("\033[H");
    for (int r = 0; r < s.rows(); r++) {
      b.append(s.row(r)).append("\033[K\r\n");
    }
    b.append("-- ").append(world.episode().mission()).append(" | step ").append(steps).append('/')
        .append(world.spec().maxSteps()).append(" | Ctrl-] quits\033[K");
    b.append("\033[").append(s.cursorRow() + 1).append(';').append(s.cursorCol() + 1).append('H');
    term.print(b);
    term.flush();
  }

  /** Puts the cursor on the status line, so that messages go below the drawn screen. */
  private void below(TerminalWorld world) {
    term.print("\033[" + (world.screen().rows() + 1) + ";1H");
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
      return new int[] {TerminalView.ROWS, TerminalView.COLS};
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
