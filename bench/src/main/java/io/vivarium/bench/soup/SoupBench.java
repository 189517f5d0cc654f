package io.vivarium.bench.soup;

import io.vivarium.bench.Proc;
import io.vivarium.worlds.soup.Bff;
import io.vivarium.worlds.soup.BffFast;
import io.vivarium.worlds.soup.PairEngine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures how fast a soup of BFF tapes evolves: {@code epochs_per_second} and
 * {@code ops_per_second} (cubff's ops: executed instructions) over a run of {@code epochs}
 * epochs of {@code size} tapes, with cubff's epoch: a fresh random pairing of all tapes,
 * background mutation of one byte in 4096 (cubff's default), every pair run for at most 8192
 * steps. The pairs are split among {@code threads} threads in chunks taken in turn.
 *
 * <p>Also prints where the time went (pairing, mutation, running pairs) and the soup's
 * zero-order entropy at the end, the process's CPU time (meaningful on a shared machine) and the
 * load average, so runs with other engines can be compared for the same seed.
 * The same seed, size and epochs give the same soup for every engine and thread count.
 *
 * <p>Not thread-safe; run from one thread.
 */
public final class SoupBench {
  /** cubff's default background mutation probability per byte and epoch (2^18 / 2^30). */
  public static final double MUTATION = 1.0 / 4096;
  private static final int CHUNK = 1024; // pairs per work item

  private final byte[] soup; // (size, 64)
  private final int[] order;
  private final int[] first;
  private final int[] second;
  private final SplittableRandom random;
  private final PairEngine engine;
  private final int threads;
  private final ExecutorService pool;
  private long pairingNanos;
  private long mutationNanos;
  private long runNanos;

  private SoupBench(int size, long seed, PairEngine engine, int threads) {
    this.random = new SplittableRandom(seed);
    this.soup = new byte[size * Bff.TAPE];
    random.split().nextBytes(soup);
    this.order = new int[size];
    this.first = new int[size / 2];
    this.second = new int[size / 2];
    this.engine = engine;
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "soup-bench");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** Command-line entry point: {@code [--size N] [--epochs E] [--engine E] [--threads T] [--seed S]}. */
  public static void main(String[] args) throws Exception {
    int size = 1 << 17;
    int epochs = 256;
    String engine = "fast";
    int threads = Runtime.getRuntime().availableProcessors();
    long seed = 1;
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
      PrintWriter out) throws Exception {
    if (size < 2 || size % 2 != 0 || size > (1 << 24)) {
      throw new IllegalArgumentException(
          "--size must be an even number of tapes between 2 and 16777216; got " + size);
    }
    if (epochs < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "--epochs and --threads must be at least 1; got " + epochs + " and " + threads);
    }
    SoupBench bench = new SoupBench(size, seed, engine(engineName), threads);
    long ops = 0;
    double cpuStart = Proc.cpuSeconds();
    long start = System.nanoTime();
    try {
      for (int epoch = 0; epoch < epochs; epoch++) {
        ops += bench.epoch();
      }
    } finally {
      if (bench.pool != null) {
        bench.pool.shutdownNow();
      }
    }
    double seconds = (System.nanoTime() - start) * 1e-9;
    double cpu = Proc.cpuSeconds() - cpuStart;
    out.printf(Locale.ROOT, "engine: %s%nthreads: %d%nsize: %d%nepochs: %d%nseed: %d%n",
        engineName, threads, size, epochs, seed);
    out.printf(Locale.ROOT, "seconds: %.3f%nepochs_per_second: %.2f%nops_per_second: %.0f%n",
        seconds, epochs / seconds, ops / seconds);
    out.printf(Locale.ROOT, "cpu_seconds: %.3f%nepochs_per_cpu_second: %.2f%n", cpu, epochs / cpu);
    out.printf(Locale.ROOT, "ops_per_pair: %.3f%n", ops / (epochs * (size / 2.0)));
    out.printf(Locale.ROOT, "pairing_seconds: %.3f%nmutation_seconds: %.3f%nrun_seconds: %.3f%n",
        bench.pairingNanos * 1e-9, bench.mutationNanos * 1e-9, bench.runNanos * 1e-9);
    out.printf(Locale.ROOT, "entropy_bits_per_byte: %.6f%n", entropy(bench.soup));
    out.printf(Locale.ROOT, "vector: %s%nload: %s%n",
        bench.engine instanceof BffFast fast && fast.vectorized(), Proc.load());
  }

  /** One epoch: pair, mutate, run; returns its ops. */
  private long epoch() throws Exception {
    long t0 = System.nanoTime();
    pair();
    long t1 = System.nanoTime();
    mutate();
    long t2 = System.nanoTime();
    long ops = runAll();
    long t3 = System.nanoTime();
    pairingNanos += t1 - t0;
    mutationNanos += t2 - t1;
    runNanos += t3 - t2;
    return ops;
  }

  private void pair() {
    int size = order.length;
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    for (int k = 0; k < first.length; k++) {
      first[k] = order[2 * k];
      second[k] = order[2 * k + 1];
    }
  }

  /** Each byte independently replaced with probability MUTATION, by geometric gaps. */
  private void mutate() {
    double logKeep = Math.log1p(-MUTATION);
    long at = -1;
    while (true) {
      at += 1 + (long) (Math.log(1 - random.nextDouble()) / logKeep);
      if (at >= soup.length) {
        return;
      }
      soup[(int) at] = (byte) random.nextInt(256);
    }
  }

  private long runAll() throws Exception {
    int pairs = first.length;
    if (pool == null) {
      return engine.runPairs(soup, first, second, 0, pairs, Bff.MAX_STEPS);
    }
    AtomicInteger nextChunk = new AtomicInteger();
    List<Future<Long>> parts = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      parts.add(pool.submit(() -> {
        long ops = 0;
        for (int from; (from = nextChunk.getAndAdd(CHUNK)) < pairs; ) {
          ops += engine.runPairs(soup, first, second, from, Math.min(pairs, from + CHUNK),
              Bff.MAX_STEPS);
        }
        return ops;
      }));
    }
    long ops = 0;
    for (Future<Long> part : parts) {
      ops += part.get();
    }
    return ops;
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
}
