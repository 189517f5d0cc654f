package io.vivarium.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntToDoubleFunction;

/**
 * The machine's measured fp32 peak: a small probe of fused multiply-add throughput, on one
 * thread (one core) and on one thread per available processor (every core), so that a
 * benchmark can say what share of the peak a phase achieved. It uses the Vector API's preferred
 * species ({@link VectorFma}) when the {@code jdk.incubator.vector} module is present (the
 * {@code vivarium} launcher adds it to every {@code vivarium bench}), else scalar {@link
 * Math#fma} ({@link ScalarFma}, a lower bound). Each FMA counts 2 FLOPs per lane. Each figure
 * is the best of {@value #RUNS} runs of {@value #RUN_SECONDS} s after a short warm-up, about
 * 0.8 s in all; on a machine shared with other work it is lower than the hardware's.
 * Stateless and thread-safe (each call measures anew).
 */
public final class Peak {
  private static final int RUNS = 3;
  private static final double RUN_SECONDS = 0.1;
  private static final double WARMUP_SECONDS = 0.2;
  /** Iterations per call of the kernel: under a millisecond, so a run ends near its deadline. */
  private static final int CHUNK = 1 << 14;
  private static volatile double sink;

  private Peak() {}

  /**
   * What the probe measured.
   *
   * @param perCore GFLOP/s on one thread
   * @param allCores GFLOP/s summed over {@code threads} threads running at once
   * @param threads the threads of {@code allCores}: the available processors
   * @param method how it was measured, e.g. {@code vector 512-bit (16 lanes), 12 FMA chains}
   * @param vector whether the Vector API was used (else a scalar lower bound)
   */
  public record Result(double perCore, double allCores, int threads, String method, boolean vector) {
    public Result {
      if (!(perCore > 0 && allCores > 0 && threads >= 1)) {
        throw new IllegalArgumentException("a peak needs positive GFLOP/s and at least 1 thread; got " + perCore
            + ", " + allCores + " on " + threads);
      }
    }

    /** Prints {@code fp32_peak_method}, {@code fp32_peak_gflops_per_core}, {@code fp32_peak_gflops} and the threads. */
    public void print(PrintWriter out) {
      out.printf(Locale.ROOT, "fp32_peak_method: %s%n", vector ? method : "scalar (a lower bound)");
      out.printf(Locale.ROOT, "fp32_peak_gflops_per_core: %.1f%n", perCore);
      out.printf(Locale.ROOT, "fp32_peak_gflops: %.1f%n", allCores);
      out.printf(Locale.ROOT, "fp32_peak_threads: %d%n", threads);
    }
  }

  /** Whether the Vector API is usable in this JVM ({@code --add-modules jdk.incubator.vector}). */
  public static boolean vectorAvailable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** Measures with the Vector API when it is available, else with the scalar kernel. */
  public static Result measure() {
    return measure(vectorAvailable());
  }

  /** Measures with the Vector API ({@code vector}, which must be available) or the scalar kernel. */
  public static Result measure(boolean vector) {
    if (vector && !vectorAvailable()) {
      throw new IllegalStateException("the Vector API is not in this JVM; start it with --add-modules"
          + " jdk.incubator.vector, or measure the scalar kernel");
    }
    IntToDoubleFunction kernel = vector ? VectorFma::run : ScalarFma::run;
    double flopsPerIteration = vector ? 2.0 * VectorFma.CHAINS * VectorFma.lanes() : 2.0 * ScalarFma.CHAINS;
    String method = vector ? "vector " + VectorFma.describe() + ", " + VectorFma.CHAINS + " FMA chains"
        : "scalar, " + ScalarFma.CHAINS + " FMA chains";
    int threads = Runtime.getRuntime().availableProcessors();
    burn(kernel, WARMUP_SECONDS); // until the JIT has compiled the kernel
    double one = best(kernel, 1, flopsPerIteration);
    double all = threads == 1 ? one : best(kernel, threads, flopsPerIteration);
    return new Result(one, all, threads, method, vector);
  }

  /** The best of {@value #RUNS} runs on {@code threads} threads at once, in GFLOP/s. */
  private static double best(IntToDoubleFunction kernel, int threads, double flopsPerIteration) {
    double best = 0;
    for (int r = 0; r < RUNS; r++) {
      best = Math.max(best, run(kernel, threads, flopsPerIteration));
    }
    return best;
  }

  /** One run: every thread calls the kernel for {@value #RUN_SECONDS} s; total FLOPs over the longest thread's time. */
  private static double run(IntToDoubleFunction kernel, int threads, double flopsPerIteration) {
    long[] iterations = new long[threads];
    long[] nanos = new long[threads];
    CyclicBarrier start = new CyclicBarrier(threads);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int k = t;
      workers[t] = new Thread(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException("the peak probe's threads did not start together: " + e, e);
        }
        long t0 = System.nanoTime();
        iterations[k] = burn(kernel, RUN_SECONDS);
        nanos[k] = System.nanoTime() - t0;
      }, "fp32-peak-" + t);
      workers[t].start();
    }
    long total = 0;
    long longest = 1;
    for (int t = 0; t < threads; t++) {
      try {
        workers[t].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while measuring the fp32 peak", e);
      }
      total += iterations[t];
      longest = Math.max(longest, nanos[t]);
    }
    return total * flopsPerIteration / longest; // FLOPs per ns = GFLOP/s
  }

  /** Calls the kernel in chunks for {@code seconds}; returns the iterations run. */
  private static long burn(IntToDoubleFunction kernel, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long iterations = 0;
    double s = 0;
    while (System.nanoTime() < end) {
      s += kernel.applyAsDouble(CHUNK);
      iterations += CHUNK;
    }
    sink = s;
    return iterations;
  }

  /** Prints the probe's lines (run with {@code --add-modules jdk.incubator.vector} for the vector kernel). */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    measure().print(out);
    out.flush();
  }
}
