package io.vivarium.cli;

import io.vivarium.bench.memory.MemoryBench;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vivarium bench memory}: HNSW recall and speed of the memory against brute force. Every
 * option of the harness ({@code MemoryBench}) is here, so docs/memory.md's command lines run.
 */
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

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the vectors (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--dedup", paramLabel = "true|false", arity = "1",
      description = "Near-duplicate merging (default: the configuration's).")
  Boolean dedup;

  @Option(names = "--compact", paramLabel = "true|false", arity = "1",
      description = "Also compact to one segment and measure again; false skips that half (default: ${DEFAULT-VALUE}).")
  boolean compact = true;

  @Option(names = "--over-fetch", paramLabel = "F", description = "Candidates fetched per result (default: the configuration's).")
  Integer overFetch;

  @Option(names = "--max-conn", paramLabel = "M", description = "HNSW neighbours per node (default: the configuration's).")
  Integer maxConn;

  @Option(names = "--beam-width", paramLabel = "B", description = "HNSW beam width while building (default: the configuration's).")
  Integer beamWidth;

  @Option(names = "--refresh-ms", paramLabel = "R", description = "Searcher refresh interval in ms (default: the configuration's).")
  Integer refreshMs;

  @Option(names = "--ram-buffer-mb", paramLabel = "B", description = "Index writer RAM buffer in MB (default: the configuration's).")
  Integer ramBufferMb;

  @Option(names = "--fitness-weight", paramLabel = "W", description = "Weight of the author's fitness in recall ranking (default: ${DEFAULT-VALUE}).")
  double fitnessWeight = 0;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--n", "" + n, "--dim", "" + dim,
        "--queries", "" + queries, "--clusters", "" + clusters, "--threads", "" + threads, "--seed", "" + seed,
        "--compact", "" + compact, "--fitness-weight", "" + fitnessWeight));
    add(args, "--dedup", dedup);
    add(args, "--over-fetch", overFetch);
    add(args, "--max-conn", maxConn);
    add(args, "--beam-width", beamWidth);
    add(args, "--refresh-ms", refreshMs);
    add(args, "--ram-buffer-mb", ramBufferMb);
    MemoryBench.run(args.toArray(String[]::new), out(), progress());
    out().flush();
    return 0;
  }

  private static void add(List<String> args, String name, Object value) {
    if (value != null) {
      args.addAll(List.of(name, value.toString()));
    }
  }
}
