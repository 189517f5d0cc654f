package io.vivarium.cli;

import io.vivarium.bench.memory.MemoryBench;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench memory}: HNSW recall and speed of the memory against brute force. */
@Command(name = "memory", mixinStandardHelpOptions = true,
    description = {"HNSW recall@10 and speed of the memory against exact brute force on"
        + " synthetic clustered vectors (in a temporary directory, deleted afterwards)."})
final class BenchMemoryCommand extends VivariumCommand {
  @Option(names = "--n", paramLabel = "N", description = "Entries (default: ${DEFAULT-VALUE}).")
  int n = 100_000;

  @Option(names = "--dim", paramLabel = "D", description = "Dimension (default: ${DEFAULT-VALUE}).")
  int dim = 128;

  @Option(names = "--queries", paramLabel = "Q", description = "Queries (default: ${DEFAULT-VALUE}).")
  int queries = 2_000;

  @Option(names = "--clusters", paramLabel = "C", description = "Gaussian clusters; 0 for uniform random (default: ${DEFAULT-VALUE}).")
  int clusters = 100;

  @Option(names = "--threads", paramLabel = "T", description = "Threads storing and recalling (default: ${DEFAULT-VALUE}).")
  int threads = 2;

  @Option(names = "--dedup", paramLabel = "BOOL", description = "Near-duplicate merging (default: the configuration's).")
  Boolean dedup;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--n", "" + n, "--dim", "" + dim,
        "--queries", "" + queries, "--clusters", "" + clusters, "--threads", "" + threads));
    if (dedup != null) {
      args.addAll(List.of("--dedup", dedup.toString()));
    }
    MemoryBench.run(args.toArray(String[]::new), out());
    out().flush();
    return 0;
  }
}
