package io.vivarium.worlds.terminal;

/**
 * What one step of a sandboxed terminal did: the bytes the terminal wrote and the state of the
 * machine after it. Immutable (the output array is shared; treat it as read-only).
 *
 * @param output the bytes the terminal wrote in this step (the newest {@code 64 KiB} when more)
 * @param outputTotal bytes written in this step, kept or not
 * @param busy the step's time ran out while the foreground still ran
 * @param ended the session is over: the shell exited or was killed by a limit
 * @param exitCode the shell's exit status once it exited, else 0
 * @param signal the signal that ended the shell, else 0
 * @param limit the limit that ended the session ({@code budget}, {@code output}), else empty
 * @param setupError an errno when the session could not start, else 0
 * @param wallNanos wall time of the step
 * @param cpuNanos CPU time of the session so far
 * @param memoryBytes resident memory of the session's processes now
 * @param syscalls system calls counted in this step (denied ones included)
 * @param denied system calls denied in this step
 * @param spent system calls counted in the whole session
 * @param processes processes alive in the session now
 * @param files entries in the home now (counted up to 4,096)
 * @param cwd the shell's working directory, empty once it ended
 */
public record TerminalStep(byte[] output, int outputTotal, boolean busy, boolean ended, int exitCode, int signal,
    String limit, int setupError, long wallNanos, long cpuNanos, long memoryBytes, int syscalls, int denied,
    int spent, int processes, int files, String cwd) {

  /** The working directory relative to the home ({@code .} for the home itself, absolute outside it). */
  public String place() {
    if (cwd.equals(TerminalSandbox.HOME)) {
      return ".";
    }
    return cwd.startsWith(TerminalSandbox.HOME + "/") ? cwd.substring(TerminalSandbox.HOME.length() + 1) : cwd;
  }
}
