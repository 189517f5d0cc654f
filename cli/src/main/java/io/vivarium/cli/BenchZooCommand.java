package io.vivarium.cli;

import io.vivarium.bench.zoo.ZooBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench zoo}: the zookeeper's goals — 256 agents on the overview, 20 stream clients. */
@Command(name = "zoo", mixinStandardHelpOptions = true,
    description = {"Times the overview's API requests over a registry of 256 agents, then measures a running"
        + " colony's env steps/s with 0 and with 20 clients on the live stream; prints key: value lines."})
final class BenchZooCommand extends VivariumCommand {
  @Option(names = "--part", paramLabel = "P", description = "agents, streams or all (default: ${DEFAULT-VALUE}).")
  String part = "all";

  @Option(names = "--clients", paramLabel = "N", description = "Stream clients (default: ${DEFAULT-VALUE}).")
  int clients = 20;

  @Option(names = "--seconds", paramLabel = "S", description = "Seconds per measured phase (default: ${DEFAULT-VALUE}).")
  int seconds = 30;

  @Option(names = "--rounds", paramLabel = "R", description = "Phases with and without clients (default: ${DEFAULT-VALUE}).")
  int rounds = 2;

  @Override
  public Integer call() throws Exception {
    return ZooBench.run(new String[] {"--part", part, "--clients", Integer.toString(clients), "--seconds",
        Integer.toString(seconds), "--rounds", Integer.toString(rounds)}, out());
  }
}
