package io.vivarium.worlds.terminal;

import io.vivarium.worlds.exec.ExecOutcome;
import io.vivarium.worlds.exec.ExecProtocol;
import io.vivarium.worlds.exec.SandboxProcess;
import io.vivarium.worlds.exec.ExecutorPool;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One sandboxed terminal: a {@code vivarium-exec --terminal} process whose sessions are a shell
 * on a pseudo-terminal inside the exec world's sandbox (private namespaces, an unprivileged uid,
 * a home wiped per session, {@code /usr} read-only, limits and system-call supervision; see
 * docs/sandbox.md). Not thread-safe: one owner at a time.
 */
public final class TerminalSandbox implements AutoCloseable {
  /** The shell's home inside the sandbox. */
  public static final String HOME = "/scratch";
  /** The most bytes of a setup or checker script. */
  public static final int MAX_SCRIPT = 64 << 10;
  static final int OPEN = 2;
  static final int KEYS = 3;
  static final int CHECK = 4;
  static final int CLOSE = 5;
  private static final int STEP_MAGIC = 0x54455856; // "VXET"
  private static final int STEP_HEADER = 200;
  private static final int MAX_OUTPUT = 64 << 10;

  /** The shell a session runs. */
  public enum Shell {
    /** {@code /bin/sh}: Debian's dash. */
    SH,
    /** {@code /bin/bash} without startup files. */
    BASH
  }

  private final SandboxProcess process;
  private final int uid;
  private final byte[] header = new byte[ExecProtocol.REQUEST_HEADER];
  private final byte[] stepHeader = new byte[STEP_HEADER];
  private boolean closed;

  /** Starts a terminal sandbox with {@code limits}; fails with the sandbox's own reason when it cannot. */
  public TerminalSandbox(TerminalLimits limits) {
    uid = ExecutorPool.takeUid();
    try {
      process = new SandboxProcess(limits.arguments(uid), "the terminal sandbox");
    } catch (RuntimeException e) {
      ExecutorPool.releaseUid(uid);
      throw e;
    }
  }

  /**
   * Ends any session, wipes the home, runs {@code setup} (a {@code /bin/sh} script whose output
   * goes to the terminal) and then an interactive {@code shell} on a {@code cols}×{@code rows}
   * terminal; returns what the terminal showed once it settled.
   */
  public TerminalStep open(int rows, int cols, Shell shell, String setup) {
    sendOpen(rows, cols, shell, setup);
    return readStep();
  }

  /** Types {@code keys} into the session's terminal and returns what it did until it settled. */
  public TerminalStep type(byte[] keys) {
    sendKeys(keys);
    return receive();
  }

  /**
   * Sends {@code keys} without waiting: the sandbox settles on its own while the caller sends to
   * other terminals; {@link #receive()} then reads the step. One request may be in flight.
   */
  public void sendKeys(byte[] keys) {
    if (keys.length > MAX_SCRIPT) {
      throw new IllegalArgumentException("at most " + MAX_SCRIPT + " keystroke bytes per step; got " + keys.length);
    }
    send(KEYS, keys);
  }

  /** Sends an {@link #open} request without waiting; {@link #receive()} reads its step. */
  public void sendOpen(int rows, int cols, Shell shell, String setup) {
    byte[] script = setup.getBytes(StandardCharsets.UTF_8);
    if (script.length > MAX_SCRIPT) {
      throw new IllegalArgumentException("terminal setup script must be at most " + MAX_SCRIPT + " bytes; got "
          + script.length);
    }
    if (rows < 2 || cols < 2 || rows > 500 || cols > 500) {
      throw new IllegalArgumentException("terminal size must be between 2x2 and 500x500; got " + cols + "x" + rows);
    }
    ByteBuffer b = ByteBuffer.allocate(8 + script.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) rows).putShort((short) cols).putShort((short) shell.ordinal()).putShort((short) 0).put(script);
    send(OPEN, b.array());
  }

  /** Reads the step of the request sent last ({@link #sendKeys} or {@link #sendOpen}). */
  public TerminalStep receive() {
    return readStep();
  }

  /**
   * Runs {@code script} with {@code /bin/sh} in a fresh process of the sandbox, on the session's
   * home as it is now (the session keeps running): a task's checker.
   */
  public ExecOutcome check(String script) {
    byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_SCRIPT) {
      throw new IllegalArgumentException("checker script must be at most " + MAX_SCRIPT + " bytes; got "
          + bytes.length);
    }
    send(CHECK, bytes);
    byte[] reply = new byte[ExecProtocol.REPLY_SIZE];
    readFully(reply);
    return ExecProtocol.reply(reply);
  }

  /** Ends the session (every process of it) and wipes the home; the step counts the files left. */
  public TerminalStep end() {
    send(CLOSE, new byte[0]);
    return readStep();
  }

  private void send(int mode, byte[] payload) {
    ExecProtocol.requestHeader(header, mode, payload.length);
    process.send(header, payload);
  }

  private TerminalStep readStep() {
    readFully(stepHeader);
    ByteBuffer b = ByteBuffer.wrap(stepHeader).order(ByteOrder.LITTLE_ENDIAN);
    ExecProtocol.checkFrame("terminal step", b.getInt(), STEP_MAGIC, b.getShort() & 0xFFFF);
    int flags = b.getShort() & 0xFFFF;
    int exitCode = b.getInt();
    int signal = b.getInt();
    long wall = b.getLong();
    long cpu = b.getLong();
    long memory = b.getLong();
    int syscalls = b.getInt();
    int denied = b.getInt();
    int spent = b.getInt();
    int total = b.getInt();
    int length = b.getInt();
    int processes = b.getInt();
    int files = b.getInt();
    if (length < 0 || length > MAX_OUTPUT) {
      throw new IllegalStateException("terminal step carries " + length + " output bytes; at most " + MAX_OUTPUT);
    }
    int end = 72;
    while (end < STEP_HEADER && stepHeader[end] != 0) {
      end++;
    }
    String cwd = new String(stepHeader, 72, end - 72, StandardCharsets.UTF_8);
    byte[] output = new byte[length];
    readFully(output);
    String limit = (flags & 8) != 0 ? "budget" : (flags & 16) != 0 ? "output" : "";
    boolean setup = (flags & 32) != 0;
    return new TerminalStep(output, total, (flags & 64) != 0, (flags & 256) != 0, (flags & 1) != 0 ? exitCode : 0,
        (flags & 2) != 0 ? signal : 0, limit, setup ? Math.max(1, exitCode) : 0, wall, cpu, memory, syscalls, denied,
        spent, processes, files, cwd);
  }

  private void readFully(byte[] buffer) {
    process.readFully(buffer);
  }

  /** Whether the sandbox process still runs. */
  public boolean alive() {
    return process.alive();
  }

  /** Ends the session and the sandbox process (closing its input ends it). Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      process.close();
    } finally {
      ExecutorPool.releaseUid(uid);
    }
  }
}
