package io.vivarium.cli;

import io.vivarium.bench.cluster.ClusterBench;
import io.vivarium.bus.BrokerUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench cluster}: what one node of a colony across machines asks of the registry, broker and memory. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Measure, per node, registry writes on PostgreSQL (1, 2, 4 writing nodes), broker messages of the"
        + " agents' channel mix (1, 2, 4 publishing nodes), shared-memory recalls through a two-node Pekko cluster"
        + " (1 to 8 callers) against a local recall, and the coordination messages of a two-node run; prints one"
        + " 'name value unit' line per number (docs/scale.md). The registry gets rows: give it a database made for"
        + " the benchmark."})
final class BenchClusterCommand extends VivariumCommand {
  /** The external broker's password, when {@code --broker-user} is given. */
  static final String PASSWORD_VARIABLE = "VIVARIUM_BUS_PASSWORD";

  @Option(names = "--registry", required = true, paramLabel = "URL",
      description = "postgresql://USER@HOST:PORT/DATABASE, an empty database for the benchmark (password in PGPASSWORD).")
  String registry;

  @Option(names = "--broker", paramLabel = "URL",
      description = "An external broker, tcp://HOST:PORT (default: an embedded one).")
  String broker;

  @Option(names = "--broker-user", paramLabel = "NAME",
      description = "The external broker's user; its password is read from " + PASSWORD_VARIABLE + ".")
  String brokerUser;

  @Option(names = "--seconds", paramLabel = "S", description = "Measuring time per setting (default: ${DEFAULT-VALUE}).")
  int seconds = 5;

  @Option(names = "--entries", paramLabel = "N",
      description = "Entries in the shared memory before the recalls (default: ${DEFAULT-VALUE}).")
  int entries = 5000;

  @Override
  public Integer call() throws Exception {
    String password = null;
    if (brokerUser != null) {
      if (broker == null) {
        throw new IllegalArgumentException("--broker-user needs --broker tcp://HOST:PORT (the embedded broker makes its"
            + " own login)");
      }
      password = System.getenv(PASSWORD_VARIABLE);
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("--broker-user " + brokerUser + " needs its password in the environment"
            + " variable " + PASSWORD_VARIABLE + "; set it (not on the command line, where others can read it)");
      }
    }
    BrokerUrl url = broker == null ? null : BrokerUrl.parse(broker);
    Path work = Files.createTempDirectory("vivarium-bench-cluster");
    try {
      return ClusterBench.run(new ClusterBench.Options(registry, url, brokerUser, password, seconds, entries, work),
          out());
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
