package io.vivarium.worlds.exec;

/**
 * One {@code vivarium-exec} process and its pipes: programs go in on stdin, fixed-size
 * outcome records come back on stdout. Not thread-safe: the {@link ExecutorPool} hands each
 * executor to one thread at a time.
 */
final class Executor implements AutoCloseable {
  private final SandboxProcess process;
  private final ExecLimits limits;
  private final byte[] header = new byte[ExecProtocol.REQUEST_HEADER];
  private final byte[] reply = new byte[ExecProtocol.REPLY_SIZE];

  /** Starts an executor running programs as host uid {@code uid}; fails if its sandbox cannot be built. */
  Executor(ExecLimits limits, int uid) {
    this.limits = limits;
    this.process = new SandboxProcess(limits.arguments(uid), "the exec sandbox");
  }

  /** Runs {@code program} in the sandbox and returns what it did. */
  ExecOutcome run(byte[] program) {
    if (program.length > ExecProtocol.MAX_PROGRAM) {
      throw new IllegalArgumentException("exec program must be at most " + ExecProtocol.MAX_PROGRAM
          + " bytes; got " + program.length);
    }
    ExecProtocol.requestHeader(header, limits.mode(), program.length);
    process.send(header, program);
    process.readFully(reply);
    return ExecProtocol.reply(reply);
  }

  /** Whether the process is still running. */
  boolean alive() {
    return process.alive();
  }

  /** The operating system's id of the executor process. */
  long pid() {
    return process.pid();
  }

  /** Closes stdin (the executor exits at end of input) and waits briefly. Idempotent. */
  @Override
  public void close() {
    process.close();
  }
}
