package io.vivarium.bench.colony;

import io.vivarium.bench.Peak;
import io.vivarium.bench.Proc;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.colony.runtime.Preflight;
import io.vivarium.core.config.VivariumConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code vivarium bench colony}: how fast the colony {@code vivarium run} starts learns on this
 * machine. (1) The machine's fp32 peak ({@link Peak}), measured in this process before anything
 * else runs; (2) the colony of the given configuration (bus off) in a fresh temporary data
 * directory for the given minutes, with a progress line about every 10 s; (3) from its registry
 * ({@link Tally}), the turns that ended after the warm-up: environment steps per wall second
 * (from the warm-up's end to the last such turn's end) and per CPU-second of the process (from
 * the warm-up's end to the colony's stop), the acting and learning time of those turns and
 * their shares of that wall time (with {@code colony.overlap} one agent acts while another
 * learns, so the shares may add up to more than 1), and the GFLOP/s each phase achieved by
 * {@link FlopModel}'s estimate. The data directory is deleted at the end, also after a failure
 * or Ctrl-C. Not thread-safe; one run at a time.
 */
public final class ColonyBench {
  private static final long PROGRESS_SECONDS = 10;
  private final PrintWriter out;

  public ColonyBench(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * How long to run.
   *
   * @param minutes the colony's wall-clock minutes, warm-up included
   * @param warmupSeconds seconds at the start whose turns are not measured
   */
  public record Options(double minutes, double warmupSeconds) {
    public Options {
      if (!(minutes > 0 && minutes <= 24 * 60)) {
        throw new IllegalArgumentException("--minutes must be in (0, 1440]; got " + minutes);
      }
      if (!(warmupSeconds >= 0 && warmupSeconds < minutes * 60)) {
        throw new IllegalArgumentException("--warmup must be at least 0 and below the run's " + minutes * 60
            + " seconds; got " + warmupSeconds + "; lower --warmup or raise --minutes");
      }
    }
  }

  /** The headline numbers (NaN where no turn ended after the warm-up). */
  public record Result(double envStepsPerSecond, double envStepsPerCpuSecond, int agents, double updateGflops,
      double actGflops, Peak.Result peak) {}

  /** Runs the benchmark on {@code config} (its bus must be off) and prints {@code key: value} lines. */
  public Result run(VivariumConfig config, Options o) throws IOException {
    if (config.bus().enabled()) {
      throw new IllegalArgumentException("bench colony runs without the bus; set bus.enabled=false");
    }
    Preflight.check(config);
    FlopModel flops = FlopModel.of(config);
    String loadBefore = Proc.load();
    Peak.Result peak = Peak.measure();
    peak.print(out);
    say(String.format(Locale.ROOT, "colony: %s %s, %d agents, batch %d, %s brains (%,d parameters, prefix %d positions),"
        + " learn.method=%s, brain.threads=%d, %.1f min (warm-up %.0f s)", config.world().name(),
        config.world().preset(), config.colony().agents(), config.world().batch(), config.brain().preset(),
        flops.parameters(), flops.tokens(), io.vivarium.colony.runtime.Preflight.method(config).key(), config.brain().threads(), o.minutes(),
        o.warmupSeconds()));
    Path tmp = Files.createTempDirectory("vivarium-bench-colony");
    AtomicReference<Colony> running = new AtomicReference<>();
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch cleaned = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      interrupted.set(true);
      Colony c = running.get();
      if (c != null) {
        c.stop();
      }
      try {
        cleaned.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bench-colony-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Measured m = colony(config, new DataDir(tmp.resolve("colony")), o, running, interrupted);
      return report(config, flops, peak, m, loadBefore);
    } finally {
      delete(tmp);
      cleaned.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down (Ctrl-C): the hook is running and waits for the cleanup above
      }
    }
  }

  /** What the colony's run left: its registry's tally and the clocks at the warm-up's end and the stop. */
  private record Measured(Tally tally, long startMillis, double startCpu, double endCpu, int agents) {}

  /** Runs the colony for the options' minutes and reads its registry. */
  private Measured colony(VivariumConfig config, DataDir data, Options o, AtomicReference<Colony> running,
      AtomicBoolean interrupted) {
    long seconds = Math.max(1, Math.round(o.minutes() * 60));
    Window window = new Window();
    try (Colony c = new Colony(data, config, this::colonyLine)) {
      running.set(c);
      if (interrupted.get()) {
        c.stop();
      }
      ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-colony-progress");
        t.setDaemon(true);
        return t;
      });
      long start = System.nanoTime();
      try {
        if (o.warmupSeconds() == 0) {
          window.open();
        } else {
          monitor.schedule(window::open, Math.round(o.warmupSeconds() * 1000), TimeUnit.MILLISECONDS);
        }
        monitor.scheduleAtFixedRate(() -> progress(data, start, seconds, window), PROGRESS_SECONDS, PROGRESS_SECONDS,
            TimeUnit.SECONDS);
        c.run(seconds);
      } finally {
        monitor.shutdownNow();
        running.set(null);
      }
      double endCpu = Proc.cpuSeconds();
      int alive = c.agentIds().size();
      if (!window.isOpen()) { // stopped before the warm-up ended
        window.open();
      }
      try (Registry reg = Registry.openReadOnly(data.registry())) {
        return new Measured(Tally.read(reg, window.millis), window.millis, window.cpu, endCpu, alive);
      }
    }
  }

  /** The clocks when the warm-up ended; written once by whichever thread opens it. */
  private static final class Window {
    private volatile boolean open;
    private volatile long millis;
    private volatile double cpu;

    synchronized void open() {
      if (!open) {
        millis = System.currentTimeMillis();
        cpu = Proc.cpuSeconds();
        open = true;
      }
    }

    boolean isOpen() {
      return open;
    }
  }

  /** One progress line: elapsed of total seconds, environment steps so far and their rate. */
  private void progress(DataDir data, long start, long total, Window window) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    String steps;
    try (Registry reg = Registry.openReadOnly(data.registry())) {
      long n = reg.metrics().newestStepTotal("act_seconds"); // every agent starts at 0: the sum of their newest counts
      steps = String.format(Locale.ROOT, "%,d env steps · %.1f steps/s so far", n, n / elapsed);
    } catch (RuntimeException e) {
      steps = "steps unknown (" + e.getMessage() + ")";
    }
    say(String.format(Locale.ROOT, "%4.0f s / %d s · %s%s", elapsed, total, steps,
        window.isOpen() ? "" : " · warming up"));
  }

  /** The colony's own lines, without its per-round status line (the progress line stands for it). */
  private void colonyLine(String line) {
    if (!line.startsWith("gen ")) {
      say("  colony: " + line);
    }
  }

  private Result report(VivariumConfig config, FlopModel flops, Peak.Result peak, Measured m, String loadBefore) {
    return new Report(out).print(config, flops, peak, m.tally(), m.startMillis(), m.endCpu() - m.startCpu(),
        m.agents(), loadBefore);
  }

  /** Deletes the benchmark's data directory; says so when it cannot, as the run's own error matters more. */
  private void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      say("could not delete the benchmark's data directory " + dir + " (" + e.getMessage() + "); delete it by hand");
    }
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }
}
