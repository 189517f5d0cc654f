package io.vivarium.bench.world;

import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.Worlds;
import io.vivarium.worlds.gold.GoldBatch;
import io.vivarium.worlds.gold.GoldPreset;
import io.vivarium.worlds.gold.GoldPresets;
import io.vivarium.worlds.gold.GoldRenderer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures how fast a world steps: {@code steps_per_second} (symbolic observations, batch of
 * 1024, all cores) and, for gold, {@code frames_per_second} (batch stepping with RGB pictures
 * of at most 64×64 kept up to date) and {@code full_redraw_frames_per_second} (every picture
 * drawn from scratch). Each rate is also given per second of the process's CPU time
 * ({@code *_per_cpu_second}), which stays meaningful on a shared machine. Prints
 * {@code key: value} lines.
 *
 * <p>Usage: {@code WorldBench [--world gold] [--preset P] [--seconds S] [--threads T]
 * [--batch B]}. Not thread-safe; run from one thread.
 */
public final class WorldBench {
  private static final int TABLES = 64; // distinct random action rows, reused in turn

  private WorldBench() {}

  /** Command-line entry point. */
  public static void main(String[] args) {
    String world = "gold";
    String preset = null;
    double seconds = 5;
    int threads = Runtime.getRuntime().availableProcessors();
    int batch = 1024;
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i];
      if (i + 1 >= args.length) {
        fail("option " + key + " needs a value");
      }
      String value = args[i + 1];
      switch (key) {
        case "--world" -> world = value;
        case "--preset" -> preset = value;
        case "--seconds" -> seconds = Double.parseDouble(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--batch" -> batch = Integer.parseInt(value);
        default -> fail("unknown option '" + key + "'");
      }
    }
    PrintWriter out = new PrintWriter(System.out, true);
    run(world, preset, seconds, threads, batch, out);
    out.flush();
  }

  private static void fail(String message) {
    System.err.println(message
        + "; usage: WorldBench [--world gold] [--preset P] [--seconds S] [--threads T] [--batch B]");
    System.exit(2);
  }

  /** Runs the benchmark and prints its lines to {@code out}. */
  public static void run(String world, String preset, double seconds, int threads, int batch,
      PrintWriter out) {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be positive; got " + seconds);
    }
    String name = preset != null ? preset : Worlds.get(world).presets().get(0);
    out.println("world: " + world);
    out.println("preset: " + name);
    out.println("batch: " + batch);
    out.println("threads: " + threads);
    out.println("cores: " + Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "load_average: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (!world.equals("gold")) {
      try (WorldBatch b = Worlds.get(world).batch(name, batch)) {
        print(out, "steps", stepsPerSecond(b, seconds));
      }
      return;
    }
    GoldPreset p = GoldPresets.get(name);
    try (GoldBatch b = new GoldBatch(p.withRgb(false), batch, threads)) {
      print(out, "steps", stepsPerSecond(b, seconds));
    }
    int pixels = Math.max(1, 64 / Math.max(p.gridWidth(), p.gridHeight()));
    GoldPreset rgb = p.withRgb(true).withPixelsPerCell(pixels);
    out.println("frame_size: " + rgb.imageWidth() + "x" + rgb.imageHeight());
    try (GoldBatch b = new GoldBatch(rgb, batch, threads)) {
      print(out, "frames", stepsPerSecond(b, seconds));
      out.printf(Locale.ROOT, "full_redraw_frames_per_second: %.0f%n",
          fullRedrawsPerSecond(b, seconds, threads));
    }
  }

  private static void print(PrintWriter out, String what, Rate r) {
    out.printf(Locale.ROOT, "%s_per_second: %.0f%n", what, r.perSecond());
    out.printf(Locale.ROOT, "%s_per_cpu_second: %.0f%n", what, r.perCpuSecond());
  }

  /**
   * A measured rate: per second of wall time, and per second of the process's CPU time (which
   * shows what a core delivers when the machine is shared and the wall-time rate is low).
   */
  record Rate(double perSecond, double perCpuSecond) {}

  /** Steps of all instances per second, random actions from the spec's alphabet. */
  static Rate stepsPerSecond(WorldBatch b, double seconds) {
    byte[][] actions = actionTable(b.spec(), b.size()); // (TABLES, N)
    b.reset(1);
    long warmEnd = System.nanoTime() + (long) (Math.min(1, seconds / 4) * 1e9);
    int k = 0;
    while (System.nanoTime() < warmEnd) {
      b.step(actions[k++ % TABLES]);
    }
    long cpu = cpuNanos();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long rounds = 0;
    long now;
    do {
      for (int j = 0; j < 16; j++) {
        b.step(actions[k++ % TABLES]);
      }
      rounds += 16;
      now = System.nanoTime();
    } while (now < end);
    double steps = (double) rounds * b.size();
    return new Rate(steps / ((now - start) / 1e9), steps / ((cpuNanos() - cpu) / 1e9));
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static byte[][] actionTable(Spec spec, int size) {
    byte[] alphabet = spec.actionAlphabet().length > 0 ? spec.actionAlphabet() : new byte[] {0};
    SplittableRandom rng = new SplittableRandom(7);
    byte[][] table = new byte[TABLES][size];
    for (byte[] row : table) {
      for (int i = 0; i < size; i++) {
        row[i] = alphabet[rng.nextInt(alphabet.length)];
      }
    }
    return table;
  }

  /** Whole pictures drawn from the symbolic grids per second, on {@code threads} threads. */
  static double fullRedrawsPerSecond(GoldBatch b, double seconds, int threads) {
    GoldPreset p = b.preset();
    GoldRenderer renderer = new GoldRenderer(p.pixelsPerCell());
    int frame = p.imageWidth() * p.imageHeight() * 3;
    long[] counts = new long[threads];
    long end = System.nanoTime() + (long) (seconds * 1e9);
    Thread[] workers = new Thread[threads];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] = new Thread(() -> {
        byte[] out = new byte[frame];
        byte[] grid = b.symbolic();
        long n = 0;
        for (int i = id; System.nanoTime() < end; i = (i + threads) % b.size()) {
          renderer.render(grid, i * p.cells(), p.gridWidth(), p.gridHeight(), out, 0);
          n++;
        }
        counts[id] = n;
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while measuring", e);
      }
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
