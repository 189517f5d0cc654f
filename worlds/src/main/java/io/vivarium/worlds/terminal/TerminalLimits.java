package io.vivarium.worlds.terminal;

import java.util.List;

/**
 * The limits of one sandboxed terminal, fixed per sandbox process. Immutable and thread-safe.
 *
 * @param stepMillis the longest a step waits for the foreground to settle before it returns busy
 * @param quietMicros the silence (no output, no system call) that ends a step once the
 *     foreground sleeps
 * @param syscallBudget system calls a session may make before it is ended
 * @param outputCap bytes a session may write to its terminal before it is ended
 * @param memoryMegabytes address-space limit of each process ({@code RLIMIT_AS})
 * @param processes processes of the session's uid ({@code RLIMIT_NPROC})
 * @param cpuSeconds CPU time of each process ({@code RLIMIT_CPU})
 * @param fileKilobytes largest file a process may write ({@code RLIMIT_FSIZE})
 * @param homeKilobytes size of the writable home, wiped between sessions
 */
public record TerminalLimits(int stepMillis, int quietMicros, int syscallBudget, int outputCap,
    int memoryMegabytes, int processes, int cpuSeconds, int fileKilobytes, int homeKilobytes) {

  public TerminalLimits {
    check("stepMillis", stepMillis, 1, 60_000);
    check("quietMicros", quietMicros, 0, 1_000_000);
    check("syscallBudget", syscallBudget, 1, 100_000_000);
    check("outputCap", outputCap, 0, 1 << 30);
    check("memoryMegabytes", memoryMegabytes, 16, 65_536);
    check("processes", processes, 2, 4096);
    check("cpuSeconds", cpuSeconds, 1, 3600);
    check("fileKilobytes", fileKilobytes, 0, 1 << 20);
    check("homeKilobytes", homeKilobytes, 16, 1 << 20);
  }

  /**
   * The defaults: a step waits at most 100 ms and ends after 0.3 ms of silence; a session may make
   * 1,000,000 calls and write 4 MiB; 256 MiB and 30 s of CPU per process, 32 processes, files up
   * to 1 MiB in a home of 4 MiB.
   */
  public static TerminalLimits defaults() {
    return new TerminalLimits(100, 300, 1_000_000, 4 << 20, 256, 32, 30, 1024, 4096);
  }

  /** These limits with another step time and silence. */
  public TerminalLimits withStep(int millis, int quiet) {
    return new TerminalLimits(millis, quiet, syscallBudget, outputCap, memoryMegabytes, processes, cpuSeconds,
        fileKilobytes, homeKilobytes);
  }

  /** The executor's command-line arguments for these limits and the run uid {@code uid}. */
  List<String> arguments(int uid) {
    return List.of("--terminal", "--uid", Integer.toString(uid),
        "--timeout-ms", Integer.toString(stepMillis),
        "--quiet-us", Integer.toString(quietMicros),
        "--budget", Integer.toString(syscallBudget),
        "--output-cap", Integer.toString(outputCap),
        "--mem-mb", Integer.toString(memoryMegabytes),
        "--nproc", Integer.toString(processes),
        "--cpu-s", Integer.toString(cpuSeconds),
        "--fsize-kb", Integer.toString(fileKilobytes),
        "--scratch-kb", Integer.toString(homeKilobytes));
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("terminal limit " + name + " must be between " + min + " and " + max
          + "; got " + value);
    }
  }
}
