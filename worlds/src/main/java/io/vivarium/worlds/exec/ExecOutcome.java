package io.vivarium.worlds.exec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one sandboxed run did: how it ended, its time, its output and its system calls counted
 * by (ABI, number). A program that crashes, hangs or misbehaves gives an ordinary outcome.
 *
 * <p>Arrays are shared, not copied; treat them as read-only. Thread-safe when so treated.
 *
 * @param exited whether the program exited by itself ({@code exitCode} is valid)
 * @param exitCode the exit status when {@code exited}
 * @param signal the signal that ended the program, 0 when it exited
 * @param timeout whether a time limit killed it: the wall clock, or {@code RLIMIT_CPU}
 * @param budgetExceeded whether the syscall budget killed it
 * @param outputCapped whether the output cap killed it
 * @param setupError errno of a failed run setup (the program never ran), else 0
 * @param wallNanos wall time of the whole run, sandbox setup included
 * @param cpuNanos user + system CPU time of the run's processes
 * @param syscalls counted system calls, denied ones included (the executor's exec excluded)
 * @param denied calls answered with an error by the deny list
 * @param outputBytes bytes written to stdout and stderr, up to the cap
 * @param output the first bytes of that output (at most {@link ExecProtocol#OUTPUT_SLOTS})
 * @param files entries left in the scratch directory (wiped afterwards)
 * @param histogram counts, {@code histogram[abi * HIST_SLOTS + number]}  // (3, 1024) flattened
 */
public record ExecOutcome(
    boolean exited,
    int exitCode,
    int signal,
    boolean timeout,
    boolean budgetExceeded,
    boolean outputCapped,
    int setupError,
    long wallNanos,
    long cpuNanos,
    int syscalls,
    int denied,
    int outputBytes,
    byte[] output,
    int files,
    int[] histogram) {

  /** Names of the ABIs, indexed as in the histogram. */
  public static final String[] ABIS = {"x86_64", "i386", "x32"};

  public ExecOutcome {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(histogram, "histogram");
    if (histogram.length != ABIS.length * ExecProtocol.HIST_SLOTS) {
      throw new IllegalArgumentException("histogram must have " + ABIS.length * ExecProtocol.HIST_SLOTS
          + " slots (3 ABIs x " + ExecProtocol.HIST_SLOTS + "); got " + histogram.length);
    }
  }

  /** Calls of {@code abi} (0 x86-64, 1 i386, 2 x32) with number {@code number}. */
  public int count(int abi, int number) {
    return histogram[abi * ExecProtocol.HIST_SLOTS + Math.min(number, ExecProtocol.HIST_SLOTS - 1)];
  }

  /** Calls of the x86-64 system call named {@code name}, e.g. {@code "getpid"}. */
  public int count(String name) {
    return count(0, Syscalls.number(name));
  }

  /**
   * The non-zero histogram entries: x86-64 calls by name ({@code "getpid"}), other ABIs as
   * {@code "i386:20"} or {@code "x32:39"}; in ABI then number order.
   */
  public Map<String, Integer> histogramByName() {
    Map<String, Integer> named = new LinkedHashMap<>();
    for (int i = 0; i < histogram.length; i++) {
      if (histogram[i] != 0) {
        int abi = i / ExecProtocol.HIST_SLOTS;
        int nr = i % ExecProtocol.HIST_SLOTS;
        named.put(abi == 0 ? Syscalls.name(nr) : ABIS[abi] + ":" + nr, histogram[i]);
      }
    }
    return named;
  }

  /**
   * A one-line summary, e.g.
   * {@code signal 11 SIGSEGV · 3 syscalls (0 denied) · 0 output bytes · 0 files · 0.412 ms}.
   */
  public String summary() {
    String end = setupError != 0 ? "setup error " + setupError
        : exited ? "exit " + exitCode : "signal " + signal + " " + signalName(signal);
    String why = timeout ? " (timeout)" : budgetExceeded ? " (syscall budget)"
        : outputCapped ? " (output cap)" : "";
    return end + why + " · " + syscalls + " syscalls (" + denied + " denied) · " + outputBytes
        + " output bytes · " + files + " files · " + String.format(Locale.ROOT, "%.3f ms", wallNanos / 1e6);
  }

  /** The histogram by name ({@link #histogramByName}), one {@code name count} line each; empty without calls. */
  public String histogramText() {
    StringBuilder b = new StringBuilder();
    histogramByName().forEach((name, count) -> b.append(b.isEmpty() ? "" : "\n").append(name).append(' ')
        .append(count));
    return b.toString();
  }

  /** The Linux name of signal {@code number} ({@code SIGSEGV}), or {@code SIG?} outside 1–31. */
  public static String signalName(int number) {
    return number >= 1 && number < SIGNALS.length ? "SIG" + SIGNALS[number] : "SIG?";
  }

  private static final String[] SIGNALS = {"", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
      "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
      "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

  /** The outcome as one JSON object (exit, signal, timeout, syscalls, histogram, …). */
  public String toJson() {
    StringBuilder b = new StringBuilder("{");
    b.append("\"exit\":").append(exited ? Integer.toString(exitCode) : "null")
        .append(",\"signal\":").append(signal)
        .append(",\"timeout\":").append(timeout)
        .append(",\"budget_exceeded\":").append(budgetExceeded)
        .append(",\"output_capped\":").append(outputCapped)
        .append(",\"setup_error\":").append(setupError)
        .append(",\"wall_ms\":").append(String.format("%.3f", wallNanos / 1e6))
        .append(",\"cpu_ms\":").append(String.format("%.3f", cpuNanos / 1e6))
        .append(",\"syscalls\":").append(syscalls)
        .append(",\"denied\":").append(denied)
        .append(",\"output_bytes\":").append(outputBytes)
        .append(",\"files\":").append(files)
        .append(",\"output\":");
    appendString(b, new String(output, StandardCharsets.ISO_8859_1));
    b.append(",\"histogram\":{");
    String sep = "";
    for (var e : histogramByName().entrySet()) {
      b.append(sep);
      appendString(b, e.getKey());
      b.append(':').append(e.getValue());
      sep = ",";
    }
    return b.append("}}").toString();
  }

  private static void appendString(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }
}
