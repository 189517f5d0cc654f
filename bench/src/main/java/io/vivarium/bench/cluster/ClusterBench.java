package io.vivarium.bench.cluster;

import io.vivarium.bus.BrokerUrl;
import io.vivarium.bus.BusCredentials;
import io.vivarium.bus.EmbeddedBroker;
import io.vivarium.core.config.BusConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cluster scale benchmark: per node, registry writes on PostgreSQL (1, 2, 4 writing nodes),
 * broker messages of the agents' channel mix (1, 2, 4 publishing nodes), shared-memory recalls
 * through a two-node cluster (1, 2, 4, 8 callers) against a local recall, and the coordination
 * messages of a two-node run. Prints one {@code name value unit} line per number; docs/scale.md
 * reads them. Not thread-safe: one run at a time.
 */
public final class ClusterBench {
  private static final int[] NODES = {1, 2, 4};
  private static final int[] CALLERS = {1, 2, 4, 8};

  /**
   * What to run against.
   *
   * @param registry a PostgreSQL registry location (an empty database made for the bench: it adds rows)
   * @param broker an external broker, or null for the embedded one
   * @param brokerUser the external broker's user, or null for anonymous
   * @param brokerPassword that user's password, or null
   * @param seconds measuring time per setting
   * @param entries entries in the memory before recalls
   * @param work a directory for the memories' indexes
   */
  public record Options(String registry, BrokerUrl broker, String brokerUser, String brokerPassword, int seconds,
      int entries, Path work) {
    public Options {
      if (registry == null || !registry.startsWith("postgresql://")) {
        throw new IllegalArgumentException("--registry must be postgresql://USER@HOST:PORT/DATABASE (an empty "
            + "database made for the benchmark; password in PGPASSWORD); got '" + registry + "'");
      }
      if (seconds < 1 || seconds > 600) {
        throw new IllegalArgumentException("--seconds must be between 1 and 600; got " + seconds);
      }
      if (entries < 1 || entries > 1_000_000) {
        throw new IllegalArgumentException("--entries must be between 1 and 1000000; got " + entries);
      }
      if (broker != null && broker.tls()) {
        throw new IllegalArgumentException("--broker must be a tcp:// URL for the benchmark; got " + broker);
      }
    }
  }

  private ClusterBench() {}

  /** Runs every part; returns the exit code. */
  public static int run(Options o, PrintWriter out) throws Exception {
    Lines lines = new Lines(out);
    lines.load("start");
    lines.put("cores", Runtime.getRuntime().availableProcessors(), "cores");
    lines.put("seconds_per_setting", o.seconds(), "s");
    registry(o, lines);
    broker(o, lines);
    ClusterParts.memory(o, lines, CALLERS);
    ClusterParts.coordination(o, lines);
    lines.load("end");
    return 0;
  }

  private static void registry(Options o, Lines lines) throws Exception {
    RegistryLoad load = new RegistryLoad(o.registry());
    load.run(1, 1); // warm-up: the JIT, the pool's connections, the tables' first pages
    for (int n : NODES) {
      RegistryLoad.Result r = load.run(n, o.seconds());
      String p = "registry_" + n + "n_";
      lines.put(p + "writes_per_second", Math.round(r.writesPerSecond()), "tx/s");
      lines.put(p + "agent_turns_per_second", Math.round(r.turnsPerSecond()), "turns/s");
      lines.latency(p + "write", r.latency());
    }
  }

  private static void broker(Options o, Lines lines) throws Exception {
    EmbeddedBroker embedded = null;
    BrokerUrl url = o.broker();
    String user = o.brokerUser();
    String password = o.brokerPassword();
    if (url == null) {
      BusCredentials login = BusCredentials.random();
      embedded = EmbeddedBroker.start(0, BusConfig.defaults().brokerQueue(), login);
      url = embedded.url();
      user = login.user();
      password = login.password();
    }
    lines.put("broker_external", o.broker() == null ? 0 : 1, "bool");
    try {
      BrokerLoad load = new BrokerLoad(url, user, password);
      load.run(1, 1); // warm-up: the JIT and the client's first connections
      for (int n : NODES) {
        BrokerLoad.Result r = load.run(n, o.seconds());
        String p = "broker_" + n + "n_";
        lines.put(p + "published_per_second", Math.round(r.published() / r.seconds()), "msg/s");
        lines.put(p + "delivered_per_second", Math.round(r.delivered() / r.seconds()), "msg/s");
        lines.put(p + "agent_turns_per_second", Math.round(r.turns() / r.seconds()), "turns/s");
        lines.put(p + "undelivered", Math.max(0, r.published() - r.delivered()), "msg");
        lines.put(p + "dropped_outbox", r.dropped(), "msg");
        lines.put(p + "dropped_subscriber_inbox", r.inboxDropped(), "msg");
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Prints {@code map} as lines {@code PREFIX_KEY value unit}. */
  static void putAll(Lines lines, String prefix, Map<String, Integer> map, String unit) {
    map.forEach((k, v) -> lines.put(prefix + k, v, unit));
  }
}
