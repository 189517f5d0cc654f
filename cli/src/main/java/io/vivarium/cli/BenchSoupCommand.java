package io.vivarium.cli;

import io.vivarium.bench.soup.SoupBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench soup}: epochs and ops per second of a BFF soup. */
@Command(name = "soup", mixinStandardHelpOptions = true,
    description = {"Evolve a soup of 64-byte BFF tapes for E epochs as cubff does (its random stream:"
        + " the same bytes for the same seed; mutation 2^18/2^30, 8192 steps per pair), without"
        + " metrics, and print epochs_per_second, ops_per_second, the engine and threads."
        + " bench/soup-vs-cubff.sh runs it beside cubff."})
final class BenchSoupCommand extends VivariumCommand {
  @Option(names = "--size", paramLabel = "N", description = "Tapes (default: ${DEFAULT-VALUE}).")
  int size = 1 << 17;

  @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 256;

  @Option(names = "--engine", paramLabel = "E",
      description = "Pair engine: reference or fast (default: ${DEFAULT-VALUE}).")
  String engine = "fast";

  @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}, cubff's).")
  long seed = 0;

  @Override
  public Integer call() throws Exception {
    SoupBench.run(size, epochs, engine, threads, seed, out());
    out().flush();
    return 0;
  }
}
