package io.vivarium.worlds.exec;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code vivarium-exec} process and its pipes: programs go in on stdin, fixed-size
 * outcome records come back on stdout. Not thread-safe: the {@link ExecutorPool} hands each
 * executor to one thread at a time.
 */
final class Executor implements AutoCloseable {
  private final Process process;
  private final DataInputStream in;
  private final OutputStream out;
  private final ExecLimits limits;
  private final byte[] header = new byte[ExecProtocol.REQUEST_HEADER];
  private final byte[] reply = new byte[ExecProtocol.REPLY_SIZE];
  private boolean closed;

  /** Starts an executor running programs as host uid {@code uid}; fails if its sandbox cannot be built. */
  Executor(ExecLimits limits, int uid) {
    this.limits = limits;
    List<String> command = new ArrayList<>();
    command.add(ExecutorBinary.path().toString());
    command.addAll(limits.arguments(uid));
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the exec sandbox " + command.get(0), e);
    }
    in = new DataInputStream(process.getInputStream());
    out = process.getOutputStream();
    byte[] hello = new byte[ExecProtocol.HELLO_SIZE];
    try {
      in.readFully(hello);
      ExecProtocol.hello(hello);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e instanceof IllegalStateException ise ? ise
          : new IllegalStateException("the exec sandbox exited during setup (" + e + ")", e);
    }
  }

  /** Runs {@code program} in the sandbox and returns what it did. */
  ExecOutcome run(byte[] program) {
    if (program.length > ExecProtocol.MAX_PROGRAM) {
      throw new IllegalArgumentException("exec program must be at most " + ExecProtocol.MAX_PROGRAM
          + " bytes; got " + program.length);
    }
    ExecProtocol.requestHeader(header, limits.mode(), program.length);
    try {
      out.write(header);
      out.write(program);
      out.flush();
      in.readFully(reply);
    } catch (EOFException e) {
      throw new IllegalStateException("the exec sandbox process ended unexpectedly (exit "
          + exitValue() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("lost the exec sandbox's pipes", e);
    }
    return ExecProtocol.reply(reply);
  }

  /** Whether the process is still running. */
  boolean alive() {
    return process.isAlive();
  }

  /** The operating system's id of the executor process. */
  long pid() {
    return process.pid();
  }

  private String exitValue() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  /** Closes stdin (the executor exits at end of input) and waits briefly. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
      in.close();
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
