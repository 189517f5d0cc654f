package io.vivarium.lab.terminal;

import io.vivarium.worlds.terminal.TerminalLimits;
import io.vivarium.worlds.terminal.TerminalSandbox;
import io.vivarium.worlds.terminal.TerminalStep;

/**
 * A bare dash on a pseudo-terminal inside the sandbox (default limits, empty home), for a person's
 * keys or a script's lines: keys in, the bytes the terminal wrote out. Not thread-safe.
 */
public final class TerminalShell implements AutoCloseable {
  /** The longest the shell's first prompt is waited for. */
  private static final long PROMPT_NANOS = 2_000_000_000L;
  private final TerminalSandbox sandbox;
  private final byte[] opened;
  private TerminalStep last;

  /**
   * Starts the sandbox and a shell on a {@code cols}×{@code rows} terminal (each 2 to 500), and
   * waits up to 2 s for its first prompt, which a loaded machine may delay past the opening step
   * (keys typed before it would be echoed ahead of it).
   */
  public TerminalShell(int rows, int cols) {
    sandbox = new TerminalSandbox(TerminalLimits.defaults());
    try {
      last = sandbox.open(rows, cols, TerminalSandbox.Shell.SH, "");
      byte[] output = last.output();
      long deadline = System.nanoTime() + PROMPT_NANOS;
      while (!prompts(output) && !last.ended() && System.nanoTime() < deadline) {
        last = sandbox.type(new byte[0]);
        output = concat(output, last.output());
      }
      opened = output;
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  /** What the terminal showed once the shell started (its prompt). */
  public byte[] opened() {
    return opened;
  }

  /** Types {@code keys} (none: just waits for output) and returns what the terminal wrote until it settled. */
  public byte[] type(byte[] keys) {
    last = sandbox.type(keys);
    return last.output();
  }

  /**
   * Whether {@code output} holds a prompt: the sandbox's shells set the terminal's title to the
   * last exit status ({@code ESC ] 0 ;}) at the start of every prompt.
   */
  public static boolean prompts(byte[] output) {
    for (int i = 0; i + 3 < output.length; i++) {
      if (output[i] == 0x1b && output[i + 1] == ']' && output[i + 2] == '0' && output[i + 3] == ';') {
        return true;
      }
    }
    return false;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Whether the last step ran out of time while a command still ran. */
  public boolean busy() {
    return last.busy();
  }

  /** Whether the shell exited or a limit ended the session. */
  public boolean ended() {
    return last.ended();
  }

  /** Ends the session and the sandbox. Idempotent. */
  @Override
  public void close() {
    sandbox.close();
  }
}
