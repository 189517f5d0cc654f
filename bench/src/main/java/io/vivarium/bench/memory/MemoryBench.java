package io.vivarium.bench.memory;

import io.vivarium.core.Progress;
import io.vivarium.core.config.MemoryConfig;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.MemoryIndex;
import io.vivarium.memory.Reference;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Measures the memory: inserts {@code n} synthetic vectors (Gaussian clusters, or uniform
 * random with {@code --clusters 0}) from several threads, then recalls the 10 nearest of
 * fresh queries from the same distribution and compares them with exact brute force. Prints
 * {@code key: value} lines ({@code recall_at_10}, {@code queries_per_second},
 * {@code inserts_per_second}, …), first as inserted (several segments, merges still
 * running), then ({@code …_settled}) once those merges are done, then again
 * ({@code …_compacted}) after merging the index into one segment. Runs in a temporary
 * directory it deletes afterwards.
 *
 * <p>Options: {@code --n N --dim D --queries Q --clusters C --threads T --seed S
 * --over-fetch F --max-conn M --beam-width B --dedup true|false --fitness-weight W
 * --refresh-ms R --ram-buffer-mb B}; the rest of the configuration is the default.
 * Single-threaded main; not for concurrent use.
 */
public final class MemoryBench {
  private static final int K = 10;

  private MemoryBench() {}

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    run(args, out);
    out.flush();
  }

  /** Runs the benchmark with command-line style {@code args}, printing to {@code out}. */
  public static void run(String[] args, PrintWriter out) throws Exception {
    run(args, out, Progress.Tracker.NONE);
  }

  /** {@link #run(String[], PrintWriter)}, the inserts reported to {@code progress}. */
  public static void run(String[] args, PrintWriter out, Progress.Tracker progress) throws Exception {
    Options o = Options.parse(args);
    MemoryConfig config = o.config();
    float[][] data = o.clusters == 0 ? Reference.random(o.n, o.dim, o.seed) // (n, dim)
        : Reference.clustered(o.n, o.dim, o.clusters, 1.0, o.seed, o.seed + 1);
    float[][] queries = o.clusters == 0 ? Reference.random(o.queries, o.dim, o.seed + 2)
        : Reference.clustered(o.queries, o.dim, o.clusters, 1.0, o.seed, o.seed + 2);
    out.println("n: " + o.n);
    out.println("dim: " + o.dim);
    out.println("clusters: " + o.clusters);
    out.println("threads: " + o.threads);
    out.println("over_fetch: " + config.overFetch());
    out.println("max_conn: " + config.maxConn());
    out.println("beam_width: " + config.beamWidth());
    out.println("dedup: " + config.dedup());
    out.println("refresh_ms: " + config.refreshMillis());
    out.println("ram_buffer_mb: " + config.ramBufferMb());
    out.println("load_before: " + load());
    Path dir = Files.createTempDirectory("vivarium-memory-bench");
    ExecutorService pool = Executors.newFixedThreadPool(o.threads);
    try (LuceneMemory memory = MemoryIndex.open(dir, o.dim, config, Clock.systemUTC())) {
      int[] indexOfId;
      try (Progress p = progress.start("bench memory: inserts", o.n, "entries")) {
        indexOfId = insert(memory, data, pool, o.threads, out, p);
      }
      int[][] exact = exact(data, queries, pool, o.threads);
      measureRecall(memory, queries, exact, indexOfId, pool, o.threads, out, "");
      long settle = System.nanoTime();
      memory.awaitMerges();
      out.printf("settle_seconds: %.2f%n", (System.nanoTime() - settle) / 1e9);
      measureRecall(memory, queries, exact, indexOfId, pool, o.threads, out, "_settled");
      if (!o.compact) {
        return;
      }
      long start = System.nanoTime();
      memory.compact(1);
      out.printf("compact_seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
      measureRecall(memory, queries, exact, indexOfId, pool, o.threads, out, "_compacted");
    } finally {
      pool.shutdownNow();
      deleteTree(dir);
    }
    out.println("load_after: " + load());
  }

  /** Stores every row; returns the row index of each returned id. */
  private static int[] insert(LuceneMemory memory, float[][] data, ExecutorService pool,
      int threads, PrintWriter out, Progress progress) throws Exception {
    int[] indexOfId = new int[data.length * 2 + 16];
    long start = System.nanoTime();
    java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
    run(pool, threads, t -> {
      for (int i = t; i < data.length; i += threads) {
        long id = memory.store(Entry.of(Entry.OUTPUT, "a" + t, 0, data[i], bytes(i)));
        indexOfId[(int) id] = i;
        int n = stored.incrementAndGet();
        if (t == 0) { // one thread reports; the others only count
          progress.advanceTo(n);
        }
      }
    });
    progress.advanceTo(data.length);
    memory.commit();
    memory.refresh();
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("inserts_per_second: %.0f%n", data.length / seconds);
    out.printf("insert_seconds: %.2f%n", seconds);
    out.printf("process_cpu_seconds_after_insert: %.2f%n", cpuSeconds());
    return indexOfId;
  }

  private static void measureRecall(LuceneMemory memory, float[][] queries, int[][] exact,
      int[] indexOfId, ExecutorService pool, int threads, PrintWriter out, String suffix)
      throws Exception {
    out.println("segments" + suffix + ": " + memory.stats().segments());
    double[] recall = new double[queries.length];
    // Round 0 warms up; rounds 1-3 are timed.
    double best = 0;
    double queryCpu = 0;
    java.util.concurrent.atomic.DoubleAdder threadCpu = new java.util.concurrent.atomic.DoubleAdder();
    var mx = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 4; round++) {
      double cpu0 = cpuSeconds();
      long start = System.nanoTime();
      boolean timed = round > 0;
      run(pool, threads, t -> {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int q = t; q < queries.length; q += threads) {
          List<Hit> hits = memory.recall(queries[q], K, Filter.ANY);
          long[] found = new long[hits.size()];
          for (int i = 0; i < found.length; i++) {
            found[i] = indexOfId[(int) hits.get(i).id()];
          }
          recall[q] = Reference.recall(exact[q], found);
        }
        if (timed) {
          threadCpu.add((mx.getCurrentThreadCpuTime() - t0) / 1e9);
        }
      });
      double qps = queries.length / ((System.nanoTime() - start) / 1e9);
      best = round == 0 ? 0 : Math.max(best, qps);
      queryCpu += round == 0 ? 0 : cpuSeconds() - cpu0;
    }
    double mean = 0;
    for (double r : recall) {
      mean += r / recall.length;
    }
    out.printf("recall_at_10%s: %.4f%n", suffix, mean);
    out.printf("queries_per_second%s: %.0f%n", suffix, best);
    out.printf("query_cpu_ms_per_query%s: %.3f%n", suffix,
        queryCpu * 1000 / (3.0 * queries.length));
    // Only the querying threads: background merges still running do not count.
    out.printf("query_thread_cpu_ms_per_query%s: %.3f%n", suffix,
        threadCpu.sum() * 1000 / (3.0 * queries.length));
  }

  private static int[][] exact(float[][] data, float[][] queries, ExecutorService pool,
      int threads) throws Exception {
    int[][] out = new int[queries.length][]; // (Q, K)
    run(pool, threads, t -> {
      for (int q = t; q < queries.length; q += threads) {
        out[q] = Reference.nearest(data, queries[q], K);
      }
    });
    return out;
  }

  private interface Work {
    void run(int thread) throws Exception;
  }

  private static void run(ExecutorService pool, int threads, Work w) throws Exception {
    List<Future<Object>> fs = pool.invokeAll(java.util.stream.IntStream.range(0, threads)
        .mapToObj(t -> (java.util.concurrent.Callable<Object>) () -> {
          w.run(t);
          return null;
        }).toList());
    for (Future<Object> f : fs) {
      f.get();
    }
  }

  private static byte[] bytes(int i) {
    return ("entry-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** CPU time of the whole process (all threads, background merges included). */
  private static double cpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
  }

  private static String load() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
