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
 * One {@code vivarium-exec} process and its pipes, past its hello: requests go in on stdin,
 * replies come back on stdout. Used by the exec world's {@link Executor} and by the terminal
 * world's sandboxes. Not thread-safe: one owner at a time.
 */
public final class SandboxProcess implements AutoCloseable {
  private final Process process;
  private final DataInputStream in;
  private final OutputStream out;
  private final String what;
  private boolean closed;

  /**
   * Starts the executor with {@code arguments} and reads its hello; {@code what} names it in
   * errors (e.g. "the exec sandbox"). Fails with the sandbox's own reason when it cannot start.
   */
  public SandboxProcess(List<String> arguments, String what) {
    this.what = what;
    List<String> command = new ArrayList<>();
    command.add(ExecutorBinary.path().toString());
    command.addAll(arguments);
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + what + " " + command.get(0), e);
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
          : new IllegalStateException(what + " exited during setup (" + e + ")", e);
    }
  }

  /** Writes {@code header} and {@code payload} and flushes them. */
  public void send(byte[] header, byte[] payload) {
    if (closed) {
      throw new IllegalStateException(what + " is closed");
    }
    try {
      out.write(header);
      out.write(payload);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("lost the pipes of " + what + " (exit " + exitValue() + ")", e);
    }
  }

  /** Fills {@code buffer} from the replies. */
  public void readFully(byte[] buffer) {
    try {
      in.readFully(buffer);
    } catch (EOFException e) {
      throw new IllegalStateException(what + " ended unexpectedly (exit " + exitValue() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("lost the pipes of " + what, e);
    }
  }

  /** Whether the process still runs. */
  public boolean alive() {
    return process.isAlive();
  }

  /** The operating system's id of the process. */
  public long pid() {
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

  /** Closes stdin (the executor exits at end of input, ending what it runs) and waits briefly. Idempotent. */
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
