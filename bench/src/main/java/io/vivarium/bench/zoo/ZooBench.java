package io.vivarium.bench.zoo;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.Event;
import io.vivarium.core.Json;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.ZooConfig;
import io.vivarium.zoo.ZooServer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The zookeeper's goals, measured. {@code agents}: a registry with 256 agents (a family tree of
 * 8 founders, 200 turns of metrics each), served read-only; each request the overview page
 * makes is timed 30 times (median and 95th percentile). {@code streams}: a real small colony
 * runs; its env steps/s (from the registry's per-turn step counts) is measured in alternating
 * phases with 0 and with 20 clients on {@code /api/stream}, each watching an agent. Prints
 * {@code key: value} lines.
 *
 * <p>Options: {@code --part agents|streams|all} (all), {@code --agents N} (256),
 * {@code --clients N} (20), {@code --seconds S} per phase (30), {@code --rounds R} (2).
 */
public final class ZooBench {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ZooBench() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, new PrintWriter(System.out, true)));
  }

  /** Runs the benchmark with command-line {@code args}; returns the exit code. */
  public static int run(String[] args, PrintWriter out) throws Exception {
    String part = "all";
    int agents = 256;
    int clients = 20;
    int seconds = 30;
    int rounds = 2;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--part" -> part = args[i + 1];
        case "--agents" -> agents = Integer.parseInt(args[i + 1]);
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --part agents|streams|all, --agents N, --clients N, --seconds S, --rounds R");
      }
    }
    out.println("machine_load_average_at_start: " + load());
    Path tmp = Files.createTempDirectory("zoo-bench");
    if (part.equals("agents") || part.equals("all")) {
      agents(tmp.resolve("agents"), agents, out);
    }
    if (part.equals("streams") || part.equals("all")) {
      streams(tmp.resolve("streams"), clients, seconds, rounds, out);
    }
    out.println("machine_load_average_at_end: " + load());
    return 0;
  }

  // 1. The overview's requests with many agents.
  private static void agents(Path root, int n, PrintWriter out) throws Exception {
    DataDir dir = new DataDir(root);
    fill(dir, n, 200);
    try (ZooServer zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), dir, null)) {
      String base = "http://127.0.0.1:" + zoo.port();
      out.println("agents: " + n);
      for (String path : List.of("/api/colony", "/api/agents", "/api/history?buckets=60", "/api/lineage",
          "/api/events?limit=30", "/api/agents/a0001", "/api/agents/a0001/metrics/return")) {
        long[] nanos = new long[30];
        int bytes = 0;
        for (int i = 0; i < nanos.length; i++) {
          long t = System.nanoTime();
          bytes = get(base + path).length();
          nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        String key = path.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        out.printf(Locale.ROOT, "%s_ms: median %.1f p95 %.1f (%d bytes)%n", key, nanos[15] / 1e6,
            nanos[28] / 1e6, bytes);
      }
    }
  }

  /** A registry of {@code n} agents (8 founders, then each the child of an earlier one) with {@code turns} turns of metrics. */
  private static void fill(DataDir dir, int n, int turns) {
    SplittableRandom r = new SplittableRandom(7);
    try (Registry reg = Registry.open(dir.registry())) {
      reg.recordStart("bench", 7, "", "0");
      int[] gen = new int[n + 1];
      long now = System.currentTimeMillis();
      for (int i = 1; i <= n; i++) {
        String parent = i <= 8 ? null : String.format(Locale.ROOT, "a%04d", 1 + r.nextInt(i - 1));
        gen[i] = parent == null ? 0 : gen[Integer.parseInt(parent.substring(1))] + 1;
        AgentState state = i % 5 == 0 ? AgentState.DEAD : i % 7 == 0 ? AgentState.HIBERNATING : AgentState.ALIVE;
        reg.putAgent(new AgentRow(String.format(Locale.ROOT, "a%04d", i), parent, gen[i], state, "gold-bare-6x6",
            "tiny", 0, r.nextDouble(), now - (n - i) * 1000L, state == AgentState.DEAD ? now : 0, null));
      }
      List<MetricRow> rows = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        for (int t = 1; t <= turns; t++) {
          for (String name : List.of("return", "success")) {
            rows.add(new MetricRow(String.format(Locale.ROOT, "a%04d", i), t * 128L, name, r.nextDouble(),
                now - (turns - t) * 1000L));
          }
        }
      }
      reg.addMetrics(rows);
      for (int i = 0; i < 1000; i++) {
        reg.addEvent(new Event(now, "checkpoint", "a0001", Json.write(Map.of("step", i))));
      }
    }
  }

  // 2. Twenty clients on the stream against a running colony.
  private static void streams(Path root, int clients, int seconds, int rounds, PrintWriter out) throws Exception {
    Colony colony = new Colony(new DataDir(root), ConfigResolver.resolve(null, List.of("colony.agents=4",
        "colony.replicateEvery=1000000", "world.preset=gold-bare-6x6", "world.batch=8", "bus.enabled=false")), l -> { });
    Thread runner = new Thread(() -> colony.run(0), "bench-colony");
    runner.start();
    try (ZooServer zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), colony.dataDir(), colony);
        Registry reg = Registry.openReadOnly(colony.dataDir().registry())) {
      Thread.sleep(seconds * 1000L); // warm-up
      List<Double> without = new ArrayList<>();
      List<Double> with = new ArrayList<>();
      AtomicLong frames = new AtomicLong();
      for (int round = 0; round < rounds; round++) {
        without.add(stepsPerSecond(reg, seconds));
        List<Thread> readers = new ArrayList<>();
        List<InputStream> streams = new ArrayList<>();
        List<String> ids = colony.agentIds();
        for (int c = 0; c < clients; c++) {
          InputStream in = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + zoo.port()
              + "/api/stream?agent=" + ids.get(c % ids.size()))).header("Accept", "text/event-stream").build(),
              HttpResponse.BodyHandlers.ofInputStream()).body();
          streams.add(in);
          Thread t = new Thread(() -> drain(in, frames), "bench-client");
          t.setDaemon(true);
          t.start();
          readers.add(t);
        }
        with.add(stepsPerSecond(reg, seconds));
        for (InputStream in : streams) {
          in.close();
        }
      }
      double a = mean(without);
      double b = mean(with);
      out.printf(Locale.ROOT, "stream_clients: %d (watching %d agents round-robin)%n", clients, colony.agentIds().size());
      out.printf(Locale.ROOT, "env_steps_per_second_without_clients: %s mean %.1f%n", fmt(without), a);
      out.printf(Locale.ROOT, "env_steps_per_second_with_clients: %s mean %.1f%n", fmt(with), b);
      out.printf(Locale.ROOT, "slowdown_percent: %.1f%n", 100 * (a - b) / a);
      out.printf(Locale.ROOT, "bytes_lines_received_by_clients: %d%n", frames.get());
    } finally {
      colony.stop();
      runner.join(120_000);
      colony.close();
    }
  }

  /** Env steps/s over {@code seconds}, from the newest per-turn step count of every agent. */
  private static double stepsPerSecond(Registry reg, int seconds) throws InterruptedException {
    long s0 = totalSteps(reg);
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    return (totalSteps(reg) - s0) / ((System.nanoTime() - t0) / 1e9);
  }

  private static long totalSteps(Registry reg) {
    return reg.metrics().newestStepTotal("return");
  }

  private static void drain(InputStream in, AtomicLong lines) {
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        lines.addAndGet(n);
      }
    } catch (java.io.IOException e) {
      // closed by the benchmark
    }
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static String fmt(List<Double> xs) {
    return xs.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList().toString();
  }

  private static String load() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
