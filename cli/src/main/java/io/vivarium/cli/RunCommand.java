package io.vivarium.cli;

import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.cluster.NodePlacement;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.colony.runtime.Placement;
import io.vivarium.colony.runtime.Preflight;
import io.vivarium.core.config.RunConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.zoo.ZooServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium run}: the main job, a colony learning in a world, resumable after any stop. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the colony in the data directory: start it on the first run, resume it after any stop.",
        "Prints one status line per round (updated in place on a terminal); Ctrl-C checkpoints every agent and exits."})
class RunCommand extends VivariumCommand {
  @Option(names = "--agents", paramLabel = "N", description = "Agents born at the first start (colony.agents).")
  Integer agents;

  @Option(names = "--world", paramLabel = "W", description = "World (world.name).")
  String world;

  @Option(names = "--preset", paramLabel = "P", description = "World preset (world.preset).")
  String preset;

  @Option(names = "--seed", paramLabel = "S", description = "Root seed (colony.seed).")
  Long seed;

  @Option(names = "--minutes", paramLabel = "M", description = "Stop after M minutes (default: run until stopped).")
  Double minutes;

  @Option(names = "--broker-port", paramLabel = "PORT", description = "Port of the embedded MQTT broker on 127.0.0.1 (bus.port; 0 = a free one).")
  Integer brokerPort;

  @Option(names = "--broker", paramLabel = "URL", description = "Use an external broker, tcp://HOST:PORT or ssl://HOST:PORT (bus.url).")
  String broker;

  @Option(names = "--no-broker", description = "Run without the bus (bus.enabled=false).")
  boolean noBroker;

  @Option(names = "--zoo-port", paramLabel = "PORT", description = "Port of the zookeeper web console on 127.0.0.1 (zoo.port; 0 = a free one).")
  Integer zooPort;

  @Option(names = "--no-zoo", description = "Run without the zookeeper (zoo.enabled=false).")
  boolean noZoo;

  @Option(names = "--cluster", paramLabel = "NAME", description = "The cluster's name (cluster.name): run as its first node (docs/cluster.md).")
  String cluster;

  @Option(names = "--bind", paramLabel = "HOST:PORT", description = "Where this node listens for the other nodes (cluster.bind).")
  String bind;

  @Option(names = "--registry", paramLabel = "URL", description = "The registry every node shares, postgresql://USER@HOST:PORT/DB (cluster.registry).")
  String registry;

  @Option(names = "--shared", paramLabel = "DIR", description = "A directory every node mounts, for checkpoints and memory (cluster.shared).")
  String shared;

  /** The configuration this run resumes: the data directory's {@code config.toml} when a colony lives here. */
  Path storedConfig(DataDir dir, boolean resuming) {
    Path stored = dir.root().resolve(DataDir.CONFIG);
    return resuming && Files.isRegularFile(stored) ? stored : null;
  }

  /** The nodes to join ({@code vivarium node}); null for the first node. */
  String join() {
    return null;
  }

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Configuration overrides, e.g. colony.agents=8.")
  List<String> overrides = new ArrayList<>();

  /** Adds {@code key=value} for an option that was given (non-null), before the explicit overrides. */
  private static void shorthand(List<String> overrides, String key, Object value) {
    if (value != null) {
      overrides.add(key + "=" + value);
    }
  }

  @Override
  public Integer call() {
    if (minutes != null && !(minutes > 0)) {
      throw new IllegalArgumentException("--minutes must be positive; got " + minutes);
    }
    List<String> all = new ArrayList<>();
    shorthand(all, "colony.agents", agents);
    shorthand(all, "world.name", world);
    shorthand(all, "world.preset", preset);
    shorthand(all, "colony.seed", seed);
    shorthand(all, "bus.port", brokerPort);
    shorthand(all, "bus.url", broker);
    shorthand(all, "bus.enabled", noBroker ? false : null);
    shorthand(all, "zoo.port", zooPort);
    shorthand(all, "zoo.enabled", noZoo ? false : null);
    shorthand(all, "cluster.name", cluster);
    shorthand(all, "cluster.bind", bind);
    shorthand(all, "cluster.join", join());
    shorthand(all, "cluster.registry", registry);
    shorthand(all, "cluster.shared", shared);
    all.addAll(overrides);
    DataDir dir = new DataDir(dataDir());
    if (ColonyLock.isHeld(dir)) {
      throw new IllegalStateException("a colony is already running in " + dir.root()
          + "; stop it first (Ctrl-C in its terminal), or use another --data directory");
    }
    boolean resuming = dir.hasColony();
    RunConfig run = config(storedConfig(dir, resuming), all);
    VivariumConfig config = run.config();
    if (join() != null && !config.cluster().enabled()) {
      throw new IllegalArgumentException("vivarium node joins a cluster: give --registry of a running colony's "
          + "cluster (its configuration names the cluster) or --cluster NAME");
    }
    Preflight.check(config); // before the data directory, the broker or the zoo is touched
    Placement placement = Placement.alone();
    if (config.cluster().enabled()) {
      Nodes.check(config);
      dir = DataDir.forNode(dir.root(), config.cluster());
      placement = new NodePlacement(config, dir, VersionProvider.version());
    }
    out().printf("vivarium run · %s · %s %s · seed %d · %s brains · data %s%n",
        resuming ? "resuming" : "starting", config.world().name(), config.world().preset(),
        config.colony().seed(), config.brain().preset(), dir.root().toAbsolutePath().normalize());
    run.changes().forEach(out()::println);
    out().flush();
    CountDownLatch finished = new CountDownLatch(1);
    StatusPrinter printer = new StatusPrinter(out(), terminal());
    try (Colony colony = new Colony(dir, config, printer::line, placement); ZooServer zoo = zoo(config, colony)) {
      int grace = config.cluster().enabled() ? 45 : 10; // a node also hands its agents over
      Thread hook = new Thread(() -> {
        colony.stop();
        try {
          finished.await(grace, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "vivarium-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      out().println(config.cluster().enabled() ? "agents: placed by cluster " + config.cluster().name()
          : "agents: " + String.join(", ", colony.agentIds()));
      colony.run(minutes == null ? 0 : Math.max(1, Math.round(minutes * 60)));
      printer.end();
      String data = dataDir().toString().equals("vivarium-data") ? "" : " --data " + dataDir();
      out().println(config.cluster().enabled()
          ? "stopped; this node's agents are checkpointed for the other nodes. Rejoin with: vivarium node" + data
              + " --bind " + config.cluster().bind() + " --join HOST:PORT (a running node) --registry …"
          : "stopped; every agent is checkpointed. Resume with: vivarium run" + data);
    } finally {
      finished.countDown();
    }
    return 0;
  }

  /** Starts the zookeeper on the live colony; a port in use costs the console, never the colony. */
  private ZooServer zoo(VivariumConfig config, Colony colony) {
    if (!config.zoo().enabled()) {
      return null;
    }
    try {
      ZooServer zoo = ZooServer.start(config.zoo(), colony.dataDir(), colony);
      out().println("zookeeper on " + zoo.url() + (zoo.token().isEmpty() ? "" : "  (token " + zoo.token() + ")"));
      return zoo;
    } catch (IllegalStateException e) {
      err().println("zookeeper not started: " + e.getMessage());
      return null;
    } finally {
      out().flush();
    }
  }

  /** Whether standard output is a terminal (then the status line updates in place). */
  private static boolean terminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try { // Console.isTerminal() exists from JDK 22 on; before, a console means a terminal
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /**
   * Prints the colony's lines: on a terminal each status line ({@code gen …}) replaces the
   * previous one in place; otherwise, and for other lines, one line each. Not thread-safe.
   */
  static final class StatusPrinter {
    private final PrintWriter out;
    private final boolean live;
    private boolean showing;

    StatusPrinter(PrintWriter out, boolean live) {
      this.out = out;
      this.live = live;
    }

    void line(String line) {
      if (live && line.startsWith("gen ")) {
        out.print("\r" + line + "\u001b[K");
        showing = true;
      } else {
        end();
        out.println(line);
      }
      out.flush();
    }

    /** Ends a status line shown in place. */
    void end() {
      if (showing) {
        out.println();
        showing = false;
      }
    }
  }
}
