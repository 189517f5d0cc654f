package io.vivarium.bench.exec;

import io.vivarium.worlds.exec.ExecLimits;
import io.vivarium.worlds.exec.ExecOutcome;
import io.vivarium.worlds.exec.ExecutorPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs random programs through the exec sandbox and prints {@code key: value} lines:
 * {@code runs_per_second} for {@code --seconds S} with {@code --workers W} (random
 * {@code --size}-byte programs, default 64), or, with {@code --runs N}, a soak of N programs
 * that also prints the executors' open fds and RSS before and after. Single-use, not thread-safe.
 */
public final class ExecBench {
  private int workers = 2;
  private double seconds = 10;
  private long runs;
  private int size = 64;
  private long seed = 1;
  private int timeoutMillis = ExecLimits.machine().timeoutMillis();
  private final LongAdder done = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder signaled = new LongAdder();
  private final LongAdder exited = new LongAdder();
  private final LongAdder setupErrors = new LongAdder();
  private final LongAdder syscalls = new LongAdder();

  public static void main(String[] args) throws Exception {
    System.out.println(report(args));
  }

  /** Parses {@code args}, runs the benchmark and returns its report lines. */
  public static String report(String[] args) throws InterruptedException {
    ExecBench b = new ExecBench();
    b.parse(args);
    return b.run();
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--workers" -> workers = Integer.parseInt(v);
        case "--seconds" -> seconds = Double.parseDouble(v);
        case "--runs" -> runs = Long.parseLong(v);
        case "--size" -> size = Integer.parseInt(v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--timeout-ms" -> timeoutMillis = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option '" + args[i]
            + "'; known: --workers W --seconds S --runs N --size B --seed X --timeout-ms T");
      }
      i++;
    }
    if (workers < 1 || seconds <= 0 || size < 1 || runs < 0) {
      throw new IllegalArgumentException("exec bench needs --workers >= 1, --seconds > 0, "
          + "--size >= 1, --runs >= 0; got " + workers + ", " + seconds + ", " + size + ", " + runs);
    }
  }

  private String run() throws InterruptedException {
    StringBuilder out = new StringBuilder();
    try (ExecutorPool pool = new ExecutorPool(ExecLimits.machine().withTimeout(timeoutMillis), workers)) {
      String before = resources(pool);
      AtomicLong remaining = new AtomicLong(runs > 0 ? runs : Long.MAX_VALUE);
      long deadline = runs > 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
      long start = System.nanoTime();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + w);
        threads.add(Thread.ofPlatform().start(() -> work(pool, rng, remaining, deadline)));
      }
      for (Thread t : threads) {
        t.join();
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      line(out, "workers", workers);
      line(out, "program_bytes", size);
      line(out, "timeout_ms", timeoutMillis);
      line(out, "runs", done.sum());
      line(out, "seconds", String.format("%.2f", elapsed));
      line(out, "runs_per_second", Math.round(done.sum() / elapsed));
      line(out, "exited", exited.sum());
      line(out, "signaled", signaled.sum());
      line(out, "timeouts", timeouts.sum());
      line(out, "setup_errors", setupErrors.sum());
      line(out, "syscalls_per_run", String.format("%.2f", syscalls.sum() / (double) Math.max(1, done.sum())));
      if (runs > 0) {
        line(out, "before", before);
        line(out, "after", resources(pool));
      }
      line(out, "load", load());
    }
    return out.toString().stripTrailing();
  }

  private void work(ExecutorPool pool, SplittableRandom rng, AtomicLong remaining, long deadline) {
    byte[] program = new byte[size];
    while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
      rng.nextBytes(program);
      ExecOutcome o = pool.run(program);
      done.increment();
      syscalls.add(o.syscalls());
      (o.setupError() != 0 ? setupErrors : o.timeout() ? timeouts : o.exited() ? exited : signaled)
          .increment();
    }
  }

  /** Open fds and RSS of each executor and of this JVM. */
  private static String resources(ExecutorPool pool) {
    StringBuilder b = new StringBuilder();
    for (long pid : pool.pids()) {
      b.append("executor ").append(pid).append(' ').append(usage(pid)).append("; ");
    }
    return b.append("jvm ").append(usage(ProcessHandle.current().pid())).toString();
  }

  private static String usage(long pid) {
    try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      long n = fds.count();
      String rss = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ?").substring(6).trim();
      return "fds=" + n + " rss=" + rss.replace(" ", "");
    } catch (IOException e) {
      return "unreadable";
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static void line(StringBuilder out, String key, Object value) {
    out.append(key).append(": ").append(value).append('\n');
  }
}
