package io.vivarium.bench.soup;

import io.vivarium.bench.Proc;
import io.vivarium.worlds.soup.Bff;
import io.vivarium.worlds.soup.BffFast;
import io.vivarium.worlds.soup.PairEngine;
import io.vivarium.worlds.soup.Soup;
import io.vivarium.worlds.soup.SoupOptions;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Measures how fast a soup of BFF tapes evolves: {@code epochs_per_second} and
 * {@code ops_per_second} (cubff's ops: executed instructions) over {@code epochs} epochs of a
 * {@link Soup} of {@code size} tapes with cubff's defaults (its random stream, so the bytes equal
 * cubff's for the same seed and size; mutation 2^18 / 2^30; 8192 steps per pair) — the epoch loop
 * only, without the metrics of {@code vivarium soup}.
 *
 * <p>Also prints where the time went (pairing, mutation, running pairs), the process's CPU time
 * (meaningful on a shared machine), the load average, and the soup's zero-order entropy and
 * a checksum at the end: the same seed, size and epochs give the same soup for every engine and
 * thread count.
 *
 * <p>Not thread-safe; run from one thread.
 */
public final class SoupBench {
  private SoupBench() {}

  /** Command-line entry point: {@code [--size N] [--epochs E] [--engine E] [--threads T] [--seed S]}. */
  public static void main(String[] args) throws Exception {
    int size = SoupOptions.DEFAULT_SIZE;
    int epochs = 256;
    String engine = "fast";
    int threads = Runtime.getRuntime().availableProcessors();
    long seed = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--size" -> size = Integer.parseInt(value);
        case "--epochs" -> epochs = Integer.parseInt(value);
        case "--engine" -> engine = value;
        case "--threads" -> threads = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option '" + args[i]
            + "'; usage: SoupBench [--size N] [--epochs E] [--engine E] [--threads T] [--seed S]");
      }
    }
    PrintWriter out = new PrintWriter(System.out, true);
    run(size, epochs, engine, threads, seed, out);
    out.flush();
  }

  /** The engine of a name: {@code reference} or {@code fast}. */
  public static PairEngine engine(String name) {
    return switch (name) {
      case "reference" -> Bff.reference();
      case "fast" -> new BffFast();
      default -> throw new IllegalArgumentException(
          "--engine must be reference or fast; got '" + name + "'");
    };
  }

  /** Runs the benchmark and prints {@code key: value} lines to out. */
  public static void run(int size, int epochs, String engineName, int threads, long seed,
      PrintWriter out) throws InterruptedException {
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs must be at least 1; got " + epochs);
    }
    PairEngine engine = engine(engineName);
    SoupOptions options = new SoupOptions(size, seed, threads, SoupOptions.DEFAULT_MUTATION, false);
    try (Soup soup = Soup.create(options, engine)) {
      long ops = 0;
      double cpuStart = Proc.cpuSeconds();
      long start = System.nanoTime();
      for (int epoch = 0; epoch < epochs; epoch++) {
        ops += soup.step();
      }
      double seconds = (System.nanoTime() - start) * 1e-9;
      double cpu = Proc.cpuSeconds() - cpuStart;
      Soup.Timing t = soup.timing();
      out.printf(Locale.ROOT, "engine: %s%nthreads: %d%nsize: %d%nepochs: %d%nseed: %d%n",
          engine.name(), threads, size, epochs, seed);
      out.printf(Locale.ROOT, "seconds: %.3f%nepochs_per_second: %.2f%nops_per_second: %.0f%n",
          seconds, epochs / seconds, ops / seconds);
      out.printf(Locale.ROOT, "cpu_seconds: %.3f%nepochs_per_cpu_second: %.2f%n", cpu, epochs / cpu);
      out.printf(Locale.ROOT, "ops_per_pair: %.3f%n", ops / (epochs * (size / 2.0)));
      out.printf(Locale.ROOT, "pairing_seconds: %.3f%nmutation_seconds: %.3f%nrun_seconds: %.3f%n",
          t.pairingNanos() * 1e-9, t.mutationNanos() * 1e-9, t.engineNanos() * 1e-9);
      out.printf(Locale.ROOT, "entropy_bits_per_byte: %.6f%nsoup_checksum: %016x%n",
          entropy(soup.bytes()), checksum(soup.bytes()));
      out.printf(Locale.ROOT, "load: %s%n", Proc.load());
    }
  }

  private static double entropy(byte[] soup) {
    long[] counts = new long[256];
    for (byte b : soup) {
      counts[b & 0xff]++;
    }
    double h = 0;
    for (long c : counts) {
      if (c > 0) {
        double p = (double) c / soup.length;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }

  /** FNV-1a over the soup's bytes. */
  private static long checksum(byte[] soup) {
    long h = 0xcbf29ce484222325L;
    for (byte b : soup) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }
}
