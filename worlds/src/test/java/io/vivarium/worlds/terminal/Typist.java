package io.vivarium.worlds.terminal;

import java.nio.charset.StandardCharsets;

/**
 * Test helper: types into a {@link TerminalSandbox} and keeps stepping until the terminal shows
 * what the test waits for, so that tests wait for events, never for time. Not thread-safe.
 */
final class Typist {
  /** Steps to wait at most: far more than any command here needs, yet finite. */
  static final int MAX_STEPS = 3000;
  /** A command suffix that prints {@link #DONE}; its echo shows {@code DO""NE}, not the word. */
  static final String MARK = "; echo DO\"\"NE";
  static final String DONE = "DONE";

  private Typist() {}

  /** What the terminal wrote while waiting, and the last step. */
  record Typed(String text, TerminalStep last, int steps) {
    /** Whether the wait ended because the session did. */
    boolean ended() {
      return last.ended();
    }
  }

  /** Types {@code line} with Enter and waits for {@code marker} in the output (or the session's end). */
  static Typed line(TerminalSandbox t, String line, String marker) {
    return until(t, (line + "\r").getBytes(StandardCharsets.UTF_8), marker);
  }

  /** Types {@code command} followed by {@link #MARK} and Enter and waits for it to finish. */
  static Typed run(TerminalSandbox t, String command) {
    return line(t, command + MARK, DONE);
  }

  /** Types {@code keys} and then nothing until {@code marker} shows or the session ends. */
  static Typed until(TerminalSandbox t, byte[] keys, String marker) {
    TerminalStep s = t.type(keys);
    StringBuilder text = new StringBuilder(text(s));
    int steps = 1;
    while (!s.ended() && text.indexOf(marker) < 0 && steps < MAX_STEPS) {
      s = t.type(new byte[0]);
      text.append(text(s));
      steps++;
    }
    return new Typed(text.toString(), s, steps);
  }

  static String text(TerminalStep s) {
    return new String(s.output(), StandardCharsets.ISO_8859_1);
  }
}
