package io.vivarium.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmarks read from {@code /proc} and the JVM: resident memory now and at its peak,
 * the process's CPU time, the load average, and a background sampler of resident memory for leak
 * checks. Thread-safe.
 */
public final class Proc {
  private Proc() {}

  /** Resident memory in MB ({@code VmRSS}), or -1 where {@code /proc} is missing. */
  public static long rssMb() {
    return statusKb("VmRSS:") / 1024;
  }

  /** Peak resident memory in MB ({@code VmHWM}), or -1. */
  public static long peakRssMb() {
    return statusKb("VmHWM:") / 1024;
  }

  /** CPU seconds this process has used on all its threads, or NaN where the JVM cannot tell. */
  public static double cpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
    return Double.NaN;
  }

  /** The load averages line, or "unknown". */
  public static String load() {
    try {
      Path p = Path.of("/proc/loadavg");
      return Files.exists(p) ? Files.readString(p).trim() : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long statusKb(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Samples resident memory every {@code periodMs} on a daemon thread until closed. */
  public static final class RssSampler implements AutoCloseable {
    private final List<long[]> samples = new ArrayList<>(); // {milliseconds, RSS MB, heap MB}
    private final Thread thread;
    private final long start = System.nanoTime();

    public RssSampler(long periodMs) {
      thread = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            sample();
            Thread.sleep(periodMs);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "rss-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private synchronized void sample() {
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20;
      samples.add(new long[] {(System.nanoTime() - start) / 1_000_000, rssMb(), heap});
    }

    /**
     * {@code rss_mb_at_10_percent}, {@code rss_mb_at_end}, {@code rss_growth_mb} (end minus the
     * sample at 10 % of the run, i.e. after warm-up), the committed Java heap at both points
     * and {@code non_heap_growth_mb} (RSS growth minus heap growth: native memory, the part a
     * leak of tensors would show in), as {@code key: value} lines.
     */
    public synchronized String report() {
      sample();
      long[] warm = samples.get(Math.min(samples.size() - 1, samples.size() / 10));
      long[] end = samples.get(samples.size() - 1);
      return String.format(Locale.ROOT,
          "rss_mb_at_10_percent: %d%nrss_mb_at_end: %d%nrss_growth_mb: %d%n"
              + "heap_committed_mb_at_10_percent: %d%nheap_committed_mb_at_end: %d%n"
              + "non_heap_growth_mb: %d%n",
          warm[1], end[1], end[1] - warm[1], warm[2], end[2],
          (end[1] - end[2]) - (warm[1] - warm[2]));
    }

    @Override
    public void close() {
      thread.interrupt();
    }
  }
}
