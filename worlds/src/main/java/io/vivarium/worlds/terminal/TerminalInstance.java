package io.vivarium.worlds.terminal;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Observation;
import io.vivarium.worlds.exec.ExecOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One terminal of the world: a {@link TerminalSandbox}, the {@link Screen} its output draws and the
 * current episode. Requests are split into send and receive so that a batch lets its sandboxes
 * work at once. Not thread-safe.
 */
final class TerminalInstance implements AutoCloseable {
  /** Bytes of the screen's text an observation carries (see {@link #screenBytes()}). */
  static final int SCREEN_BYTES = 160;
  static final int TOUCH_BYTES = 128;
  /** The cost of a keystroke. */
  static final float STEP_COST = 0.01f;

  private final TerminalPreset preset;
  private final TerminalSandbox sandbox;
  private Screen screen;
  private TerminalEpisode episode;
  private TerminalStep last;
  private int steps;
  private byte key;
  private float reward;
  private boolean terminated;
  private boolean truncated;
  private boolean success;

  TerminalInstance(TerminalPreset preset, TerminalLimits limits) {
    this.preset = preset;
    this.sandbox = new TerminalSandbox(limits);
  }

  /** Starts laying out the episode of {@code task} made from {@code seed}; {@link #receiveReset()} finishes it. */
  void sendReset(long seed, TerminalTask task) {
    episode = task.episode(new SplittableRandom(seed));
    screen = new Screen(preset.cols(), preset.rows());
    steps = 0;
    sandbox.sendOpen(preset.rows(), preset.cols(), preset.shell(), episode.setup());
  }

  void receiveReset() {
    last = sandbox.receive();
    if (last.setupError() != 0) {
      throw new IllegalStateException("the terminal session could not start (errno " + last.setupError()
          + "); see docs/sandbox.md for what the sandbox needs");
    }
    screen.feed(last.output());
    for (int waits = 0; last.busy() && !last.ended() && waits < 100; waits++) {
      last = sandbox.type(new byte[0]); // a setup still running on a loaded machine: wait, typing nothing
      screen.feed(last.output());
    }
    reward = 0;
    terminated = false;
    truncated = false;
    success = false;
  }

  /** Starts typing {@code k}; a byte that is no key types nothing (the step still passes). */
  void sendKey(byte k) {
    key = k;
    sandbox.sendKeys(Keys.bytes(k));
  }

  void receiveKey() {
    last = sandbox.receive();
    screen.feed(last.output());
    steps++;
    boolean judge = key == Keys.ENTER || steps >= preset.maxSteps() || last.ended();
    success = judge && episode.done(screen, last, this::check);
    reward = (success ? 1 : 0) - STEP_COST;
    terminated = success || last.ended();
    truncated = !terminated && steps >= preset.maxSteps();
  }

  private int check() {
    ExecOutcome o = sandbox.check(episode.checkScript());
    return o.exited() ? o.exitCode() : -1;
  }

  /** The expert's key now: the next key of its command, Enter, Ctrl-U to clear a wrong line, Ctrl-C to stop a command. */
  byte expertKey() {
    int r = screen.cursorRow();
    if (screen.at(r, 0) != '$' || screen.at(r, 1) != ' ' || screen.cursorCol() < 2) {
      return Keys.CTRL_C;
    }
    StringBuilder line = new StringBuilder();
    for (int c = 2; c < Math.min(screen.cursorCol(), screen.cols()); c++) {
      line.append(screen.at(r, c));
    }
    String typed = line.toString();
    String command = episode.command(screen, last.place());
    if (typed.equals(command)) {
      return Keys.ENTER;
    }
    if (command.startsWith(typed)) {
      return (byte) command.charAt(typed.length());
    }
    return Keys.CTRL_U;
  }

  /** The expert's whole command now, or null when a command runs (the expert stops it with Ctrl-C). */
  String expertCommand() {
    if (expertKey() == Keys.CTRL_C) {
      return null;
    }
    return episode.command(screen, last.place());
  }

  Observation observation() {
    Map<Channel, byte[]> channels = new EnumMap<>(Channel.class);
    channels.put(Channel.TEXT, screenBytes());
    channels.put(Channel.TOUCH, cut(touchText(), TOUCH_BYTES));
    return new Observation(channels, ScreenPicture.of(screen));
  }

  /**
   * The screen as compact text: its non-blank rows without trailing blanks, joined by newlines;
   * when longer than {@link #SCREEN_BYTES}, the first of them (the task's banner while it is on
   * the screen) and as many of the newest as fit. Characters outside ASCII show as {@code ?}.
   */
  byte[] screenBytes() {
    java.util.List<String> rows = new java.util.ArrayList<>();
    for (int r = 0; r < screen.rows(); r++) {
      String row = screen.row(r);
      if (!row.isEmpty() || r == screen.cursorRow()) {
        rows.add(r == screen.cursorRow() ? cursorLine(r) : row);
      }
    }
    int size = rows.get(0).length();
    int from = rows.size();
    while (from > 1 && size + 1 + rows.get(from - 1).length() <= SCREEN_BYTES) {
      size += 1 + rows.get(--from).length();
    }
    StringBuilder text = new StringBuilder(rows.get(0));
    for (int r = Math.max(from, 1); r < rows.size(); r++) {
      text.append('\n').append(rows.get(r));
    }
    return cut(text.toString(), SCREEN_BYTES);
  }

  /** The cursor's row up to the cursor (a prompt keeps its trailing space). */
  private String cursorLine(int r) {
    String row = screen.row(r);
    int end = Math.max(row.length(), Math.min(screen.cursorCol(), screen.cols()));
    StringBuilder b = new StringBuilder(row);
    while (b.length() < end) {
      b.append(' ');
    }
    return b.toString();
  }

  /**
   * The machine as the agent feels it: cursor, processes, files, last status, directory. CPU and
   * memory are left out (see {@link #usageText()}): they differ between a run and its replay.
   */
  String touchText() {
    return "cursor=" + screen.cursorRow() + "," + screen.cursorCol() + " processes=" + last.processes() + " files="
        + last.files() + " status=" + (screen.title().isEmpty() ? "-" : screen.title()) + " dir=" + last.place();
  }

  /** What the session used: CPU so far, resident memory now, system calls in the last step. */
  String usageText() {
    return "cpu_ms=" + last.cpuNanos() / 1_000_000 + " memory_kb=" + last.memoryBytes() / 1024 + " syscalls="
        + last.syscalls() + " denied=" + last.denied();
  }

  private static byte[] cut(String text, int max) {
    byte[] b = ascii(text);
    return b.length <= max ? b : java.util.Arrays.copyOf(b, max);
  }

  private static byte[] ascii(String text) {
    byte[] b = new byte[text.length()];
    for (int i = 0; i < b.length; i++) {
      char c = text.charAt(i);
      b[i] = c < 0x80 ? (byte) c : (byte) '?';
    }
    return b;
  }

  Screen screen() {
    return screen;
  }

  TerminalEpisode episode() {
    return episode;
  }

  TerminalStep lastStep() {
    return last;
  }

  int steps() {
    return steps;
  }

  float reward() {
    return reward;
  }

  boolean terminated() {
    return terminated;
  }

  boolean truncated() {
    return truncated;
  }

  boolean success() {
    return success;
  }

  /** The screen as text for people, with the task and the machine's state below it. */
  String text() {
    return screen.text() + "-- " + episode.mission() + " | step " + steps + "/" + preset.maxSteps() + " | "
        + touchText() + " " + usageText();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
