package io.vivarium.bench.cluster;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The bench's output: one {@code name value unit} line per number. Not thread-safe. */
final class Lines {
  private final PrintWriter out;

  Lines(PrintWriter out) {
    this.out = out;
  }

  void put(String name, double value, String unit) {
    String v = value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    out.println(name + " " + v + " " + unit);
    out.flush();
  }

  /** p50 and p99 of {@code l} as {@code NAME_p50} and {@code NAME_p99}, in ms. */
  void latency(String name, Latencies l) {
    put(name + "_p50", l.millis(0.50), "ms");
    put(name + "_p99", l.millis(0.99), "ms");
  }

  /** The machine's one-minute load average, as {@code machine_load_NAME}. */
  void load(String when) {
    put("machine_load_" + when, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "load");
  }
}
