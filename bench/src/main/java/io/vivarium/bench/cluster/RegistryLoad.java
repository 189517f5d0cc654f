package io.vivarium.bench.cluster;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.EpisodeRecord;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.NodeRow;
import io.vivarium.colony.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Registry writes as nodes make them: {@code nodes} writer threads, each with its own
 * {@link Registry} on the same database (as separate nodes have), each cycling through
 * {@value #AGENTS} agents whose every turn writes what {@code Turn.record} writes — an episode,
 * the turn's metrics in one transaction ({@value #METRICS} rows), the agent's row — plus a
 * checkpoint row and the agent's row every {@value #CHECKPOINT_EVERY} turns (more often than
 * {@code colony.checkpointSeconds} makes them) and the ledger's beat (placements touched, node
 * row) once a second. Each write is timed. Not thread-safe: one run at a time.
 */
final class RegistryLoad {
  static final int AGENTS = 8;
  static final int METRICS = 12;
  static final int CHECKPOINT_EVERY = 64;

  /** One run's counts: transactions, agent-turns, per-write latencies, seconds. */
  record Result(int nodes, long writes, long turns, Latencies latency, double seconds) {
    double writesPerSecond() {
      return writes / seconds;
    }

    double turnsPerSecond() {
      return turns / seconds;
    }
  }

  private final String location;

  RegistryLoad(String location) {
    this.location = location;
  }

  /** Runs {@code nodes} writers for {@code seconds}. */
  Result run(int nodes, int seconds) throws Exception {
    List<Registry> registries = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<long[]>> done = new ArrayList<>();
      List<Latencies> lat = new ArrayList<>();
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      for (int n = 0; n < nodes; n++) {
        Registry r = Registry.open(location);
        registries.add(r);
        Latencies l = new Latencies();
        lat.add(l);
        String node = "127.0.0.1:" + (26000 + n);
        done.add(pool.submit(() -> node(r, node, end, l)));
      }
      long writes = 0;
      long turns = 0;
      Latencies all = new Latencies();
      for (int n = 0; n < nodes; n++) {
        long[] c = done.get(n).get();
        writes += c[0];
        turns += c[1];
        all.merge(lat.get(n));
      }
      return new Result(nodes, writes, turns, all, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
      registries.forEach(Registry::close);
    }
  }

  /** One node's writes until {@code end}; returns {writes, turns}. */
  private static long[] node(Registry r, String node, long end, Latencies lat) {
    String prefix = "bench-" + node.substring(node.indexOf(':') + 1) + "-" + System.nanoTime() % 100_000 + "-";
    long started = System.currentTimeMillis();
    List<Long> placements = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      r.putAgent(row(prefix + i, 0));
      placements.add(r.cluster().place(prefix + i, node));
    }
    long writes = 0;
    long turns = 0;
    long lastBeat = 0;
    while (System.nanoTime() < end) {
      String id = prefix + (turns % AGENTS);
      long step = (turns / AGENTS + 1) * 512;
      long now = System.currentTimeMillis();
      writes += timed(lat, () -> r.addEpisodes(id, List.of(new EpisodeRecord("gold", "gold-bare-6x6", 0, step,
          64, 0.5, true, new byte[64]))));
      List<MetricRow> rows = new ArrayList<>(METRICS);
      for (int m = 0; m < METRICS; m++) {
        rows.add(new MetricRow(id, step, "metric_" + m, m * 0.25, now));
      }
      writes += timed(lat, () -> r.addMetrics(rows));
      writes += timed(lat, () -> r.putAgent(row(id, 0.5)));
      if (turns % CHECKPOINT_EVERY == CHECKPOINT_EVERY - 1) {
        writes += timed(lat, () -> r.addCheckpoint(id, step, "checkpoints/" + id + "/" + step + ".vvck",
            "0".repeat(64), 1_300_000, 0.5, now));
        writes += timed(lat, () -> r.putAgent(row(id, 0.5)));
      }
      if (now - lastBeat >= 1000) {
        lastBeat = now;
        writes += timed(lat, () -> r.cluster().touchPlacements(placements));
        writes += timed(lat, () -> r.cluster().putNode(new NodeRow(node, "bench", started, now, 1000, AGENTS, "up")));
      }
      turns++;
    }
    return new long[] {writes, turns};
  }


  private static int timed(Latencies lat, Runnable write) {
    long t0 = System.nanoTime();
    write.run();
    lat.add(System.nanoTime() - t0);
    return 1;
  }

  private static AgentRow row(String id, double fitness) {
    return new AgentRow(id, null, 0, AgentState.ALIVE, "gold", "bench", 0, fitness, System.currentTimeMillis(), 0, null);
  }
}
