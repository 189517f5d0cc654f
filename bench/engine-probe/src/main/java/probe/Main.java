package probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times one engine's updates for a list of cases and prints one key=value line per case (median,
 * p10 and p90 ms per step, GFLOP/s by {@link Spec#flops()}, load average before and after).
 * One engine per JVM: run.sh alternates DJL and JavaCPP blocks (A B A B). Single-threaded driver.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = parse(args);
    String engine = a.getOrDefault("engine", "jcpp");
    if (a.containsKey("check")) {
      System.out.println(engine.equals("djl") ? DjlRunner.bf16Check()
          : "autocast linear dtype: " + JcppRunner.autocastCheck());
      return;
    }
    int steps = Integer.parseInt(a.getOrDefault("steps", "20"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));
    int concurrent = Integer.parseInt(a.getOrDefault("concurrent", "0"));
    boolean sdpa = a.containsKey("sdpa");
    List<Spec> specs = new ArrayList<>();
    if (a.getOrDefault("work", "ppo").equals("ppo")) {
      for (String t : a.getOrDefault("tokens", "72,13").split(",")) {
        specs.add(Spec.ppo(Integer.parseInt(t)));
      }
    } else {
      specs.add(Spec.lm(Integer.parseInt(a.getOrDefault("vocab", "65"))));
    }
    for (Spec s : specs) {
      for (String dtype : a.getOrDefault("dtypes", "fp32,bf16").split(",")) {
        if (engine.equals("djl") && dtype.equals("bf16")) {
          System.out.println("engine=djl " + s.label() + " dtype=bf16 skipped (see --check)");
          continue;
        }
        boolean bf16 = dtype.equals("bf16");
        if (concurrent > 0) {
          concurrent(engine, s, bf16, sdpa, concurrent, warmup, steps);
          continue;
        }
        for (String th : a.getOrDefault("threads", "1,2").split(",")) {
          int threads = Integer.parseInt(th);
          String load0 = load();
          double[] ms = time(open(engine, s, bf16, sdpa, threads), warmup, steps);
          report(label(engine, sdpa), s, dtype, "threads=" + threads, ms, load0, 1);
        }
      }
    }
  }

  private static String label(String engine, boolean sdpa) {
    return engine + (sdpa && engine.equals("jcpp") ? "+sdpa" : "");
  }

  static Runner open(String engine, Spec s, boolean bf16, boolean sdpa, int threads) {
    return switch (engine) {
      case "djl" -> new DjlRunner(s, threads);
      case "jcpp" -> new JcppRunner(s, bf16, sdpa, threads);
      default -> throw new IllegalArgumentException(
          "--engine must be djl or jcpp, got '" + engine + "'");
    };
  }

  static double[] time(Runner r, int warmup, int steps) {
    try (r) {
      for (int i = 0; i < warmup; i++) {
        check(r.step());
      }
      double[] ms = new double[steps];
      RSS_START.set(rssMb());
      long start = System.nanoTime();
      int done = 0;
      while (done < steps && (done < 5 || System.nanoTime() - start < BUDGET_NS)) {
        long t0 = System.nanoTime();
        check(r.step());
        ms[done++] = (System.nanoTime() - t0) / 1e6;
      }
      return Arrays.copyOf(ms, done); // fewer than asked only when a case overran its budget
    }
  }

  /** Counts non-finite losses (printed as nonfinite=N) instead of stopping the timing. */
  private static void check(float loss) {
    LAST_LOSS.set(loss);
    if (!Float.isFinite(loss)) {
      NONFINITE.incrementAndGet();
    }
  }

  /** The last loss any worker saw (concurrent workers overwrite each other's). */
  private static final java.util.concurrent.atomic.AtomicReference<Float> LAST_LOSS =
      new java.util.concurrent.atomic.AtomicReference<>(Float.NaN);

  private static final java.util.concurrent.atomic.AtomicLong RSS_START =
      new java.util.concurrent.atomic.AtomicLong();

  /** Resident set size of this process in MB (0 where /proc is missing). */
  static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** Time budget of one case's measured steps (-Dprobe.budget.s, default 12 s). */
  private static final long BUDGET_NS =
      (long) (Double.parseDouble(System.getProperty("probe.budget.s", "12")) * 1e9);

  private static final java.util.concurrent.atomic.AtomicInteger NONFINITE =
      new java.util.concurrent.atomic.AtomicInteger();

  /** N threads, each with its own runner and one intra-op thread, stepping at once. */
  static void concurrent(String engine, Spec s, boolean bf16, boolean sdpa, int n, int warmup,
      int steps) throws Exception {
    String load0 = load();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<double[]>> fs = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        fs.add(pool.submit(() -> time(open(engine, s, bf16, sdpa, 1), warmup, steps)));
      }
      double[] merged = new double[0];
      for (Future<double[]> f : fs) {
        double[] ms = f.get();
        merged = concat(merged, ms);
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      report(label(engine, sdpa), s, bf16 ? "bf16" : "fp32",
          "concurrent=" + n + "x1thread wall_s=" + String.format("%.1f", wall), merged, load0, n);
    } finally {
      pool.shutdown();
    }
  }

  private static double[] concat(double[] x, double[] y) {
    double[] z = Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, z, x.length, y.length);
    return z;
  }

  /** Prints a case; with n concurrent workers the aggregate rate is n steps per median. */
  static void report(String engine, Spec s, String dtype, String how, double[] ms, String load0,
      int n) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double med = sorted[sorted.length / 2];
    double p10 = sorted[sorted.length / 10];
    double p90 = sorted[sorted.length * 9 / 10];
    double gflops = s.flops() * n / (med / 1e3) / 1e9;
    System.out.printf("engine=%s %s dtype=%s %s params=%d steps=%d median_ms=%.2f p10_ms=%.2f"
        + " p90_ms=%.2f gflop_per_step=%.3f gflops=%.1f loss_last=%.6f nonfinite=%d rss_mb=%d->%d"
        + " load_before=%s load_after=%s%n", engine, s.label(), dtype, how, s.params(),
        ms.length, med, p10, p90, s.flops() / 1e9, gflops, LAST_LOSS.get(),
        NONFINITE.getAndSet(0), RSS_START.get(), rssMb(), load0, load());
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + "," + f[1] + "," + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --key [value], got '" + args[i] + "'");
      }
      String key = args[i].substring(2);
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      m.put(key, flag ? "true" : args[++i]);
    }
    return m;
  }
}
