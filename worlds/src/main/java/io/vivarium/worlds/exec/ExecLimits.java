package io.vivarium.worlds.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * The limits of one sandboxed run, fixed per executor process. Immutable and thread-safe.
 *
 * @param mode machine code or shell script
 * @param timeoutMillis wall-clock limit of a run; the whole pid namespace is killed after it
 * @param syscallBudget system calls allowed (denied ones included) before the run is killed
 * @param outputCap bytes of stdout+stderr allowed before the run is killed
 * @param memoryMegabytes address-space limit ({@code RLIMIT_AS})
 * @param processes processes and threads of the run's uid ({@code RLIMIT_NPROC})
 * @param cpuSeconds CPU-time limit ({@code RLIMIT_CPU})
 * @param fileKilobytes largest file the run may write ({@code RLIMIT_FSIZE})
 * @param scratchKilobytes size of the writable scratch directory, wiped after each run
 */
public record ExecLimits(
    ExecMode mode,
    int timeoutMillis,
    int syscallBudget,
    int outputCap,
    int memoryMegabytes,
    int processes,
    int cpuSeconds,
    int fileKilobytes,
    int scratchKilobytes) {

  public ExecLimits {
    if (mode == null) {
      throw new IllegalArgumentException("exec limits need a mode (machine or shell); got null");
    }
    check("timeoutMillis", timeoutMillis, 1, 600_000);
    check("syscallBudget", syscallBudget, 1, 100_000_000);
    check("outputCap", outputCap, 0, 1 << 30);
    check("memoryMegabytes", memoryMegabytes, 16, 65_536);
    check("processes", processes, 1, 4096);
    check("cpuSeconds", cpuSeconds, 1, 3600);
    check("fileKilobytes", fileKilobytes, 0, 1 << 20);
    check("scratchKilobytes", scratchKilobytes, 16, 1 << 20);
  }

  /**
   * Defaults for machine code: 200 ms, 1,000 calls, 4 KiB of output, 64 MiB and 8 processes
   * (so a run holds at most 512 MiB of memory: no cgroup is used).
   */
  public static ExecLimits machine() {
    return new ExecLimits(ExecMode.MACHINE, 200, 1000, 4096, 64, 8, 1, 64, 256);
  }

  /** Defaults for shell scripts: as {@link #machine()} with room for the shell's own calls. */
  public static ExecLimits shell() {
    return new ExecLimits(ExecMode.SHELL, 1000, 20_000, 4096, 64, 8, 1, 64, 256);
  }

  /** The defaults of {@code mode}. */
  public static ExecLimits defaults(ExecMode mode) {
    return mode == ExecMode.MACHINE ? machine() : shell();
  }

  /** These limits with another wall-clock timeout. */
  public ExecLimits withTimeout(int millis) {
    return new ExecLimits(mode, millis, syscallBudget, outputCap, memoryMegabytes, processes,
        cpuSeconds, fileKilobytes, scratchKilobytes);
  }

  /** These limits with another syscall budget. */
  public ExecLimits withBudget(int calls) {
    return new ExecLimits(mode, timeoutMillis, calls, outputCap, memoryMegabytes, processes,
        cpuSeconds, fileKilobytes, scratchKilobytes);
  }

  /** The executor's command-line arguments for these limits and the run uid {@code uid}. */
  List<String> arguments(int uid) {
    List<String> args = new ArrayList<>(List.of(
        "--uid", Integer.toString(uid),
        "--timeout-ms", Integer.toString(timeoutMillis),
        "--budget", Integer.toString(syscallBudget),
        "--output-cap", Integer.toString(outputCap),
        "--mem-mb", Integer.toString(memoryMegabytes),
        "--nproc", Integer.toString(processes),
        "--cpu-s", Integer.toString(cpuSeconds),
        "--fsize-kb", Integer.toString(fileKilobytes),
        "--scratch-kb", Integer.toString(scratchKilobytes)));
    if (mode == ExecMode.SHELL) {
      args.add("--shell");
    }
    return args;
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("exec limit " + name + " must be between " + min
          + " and " + max + "; got " + value);
    }
  }
}
