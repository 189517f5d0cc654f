package io.vivarium.bench.memory;

import io.vivarium.core.config.MemoryConfig;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.MemoryIndex;
import io.vivarium.memory.Reference;
import java.io.IOException;
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
 * {@code inserts_per_second}, …). Runs in a temporary directory it deletes afterwards.
 *
 * <p>Options: {@code --n N --dim D --queries Q --clusters C --threads T --seed S
 * --over-fetch F --max-conn M --beam-width B --dedup true|false --fitness-weight W}.
 * Single-threaded main; not for concurrent use.
 */
public final class MemoryBench {
  private static final int K = 10;

  private MemoryBench() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    MemoryConfig d = MemoryConfig.defaults();
    MemoryConfig config = new MemoryConfig(true, d.k(), o.fitnessWeight, o.overFetch(d),
        o.maxConn(d), o.beamWidth(d), d.commitEvery(), d.commitSeconds(), d.refreshMillis(),
        d.ttl(), o.dedup, d.dedupThreshold(), d.ramBufferMb());
    float[][] data = o.clusters == 0 ? Reference.random(o.n, o.dim, o.seed) // (n, dim)
        : Reference.clustered(o.n, o.dim, o.clusters, 1.0, o.seed, o.seed + 1);
    float[][] queries = o.clusters == 0 ? Reference.random(o.queries, o.dim, o.seed + 2)
        : Reference.clustered(o.queries, o.dim, o.clusters, 1.0, o.seed, o.seed + 2);
    System.out.println("n: " + o.n);
    System.out.println("dim: " + o.dim);
    System.out.println("clusters: " + o.clusters);
    System.out.println("threads: " + o.threads);
    System.out.println("over_fetch: " + config.overFetch());
    System.out.println("max_conn: " + config.maxConn());
    System.out.println("beam_width: " + config.beamWidth());
    System.out.println("dedup: " + config.dedup());
    System.out.println("load_before: " + load());
    Path dir = Files.createTempDirectory("vivarium-memory-bench");
    ExecutorService pool = Executors.newFixedThreadPool(o.threads);
    try (LuceneMemory memory = MemoryIndex.open(dir, o.dim, config, Clock.systemUTC())) {
      int[] indexOfId = insert(memory, data, pool, o.threads);
      int[][] exact = exact(data, queries, pool, o.threads);
      measureRecall(memory, queries, exact, indexOfId, pool, o.threads);
      System.out.println("segments: " + memory.stats().segments());
    } finally {
      pool.shutdownNow();
      deleteTree(dir);
    }
    System.out.println("load_after: " + load());
  }

  /** Stores every row; returns the row index of each returned id. */
  private static int[] insert(LuceneMemory memory, float[][] data, ExecutorService pool,
      int threads) throws Exception {
    int[] indexOfId = new int[data.length * 2 + 16];
    long start = System.nanoTime();
    run(pool, threads, t -> {
      for (int i = t; i < data.length; i += threads) {
        long id = memory.store(Entry.of(Entry.OUTPUT, "a" + t, 0, data[i], bytes(i)));
        indexOfId[(int) id] = i;
      }
    });
    memory.commit();
    memory.refresh();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("inserts_per_second: %.0f%n", data.length / seconds);
    return indexOfId;
  }

  private static void measureRecall(LuceneMemory memory, float[][] queries, int[][] exact,
      int[] indexOfId, ExecutorService pool, int threads) throws Exception {
    double[] recall = new double[queries.length];
    // Round 0 warms up; rounds 1-3 are timed.
    double best = 0;
    for (int round = 0; round < 4; round++) {
      long start = System.nanoTime();
      run(pool, threads, t -> {
        for (int q = t; q < queries.length; q += threads) {
          List<Hit> hits = memory.recall(queries[q], K, Filter.ANY);
          long[] found = new long[hits.size()];
          for (int i = 0; i < found.length; i++) {
            found[i] = indexOfId[(int) hits.get(i).id()];
          }
          recall[q] = Reference.recall(exact[q], found);
        }
      });
      double qps = queries.length / ((System.nanoTime() - start) / 1e9);
      best = round == 0 ? 0 : Math.max(best, qps);
    }
    double mean = 0;
    for (double r : recall) {
      mean += r / recall.length;
    }
    System.out.printf("recall_at_10: %.4f%n", mean);
    System.out.printf("queries_per_second: %.0f%n", best);
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
