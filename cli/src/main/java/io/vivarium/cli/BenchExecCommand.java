package io.vivarium.cli;

import io.vivarium.bench.exec.ExecBench;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench exec}: throughput of the exec sandbox on random programs. */
@Command(name = "exec", mixinStandardHelpOptions = true,
    description = "Random 64-byte programs through the exec sandbox; prints runs_per_second.")
final class BenchExecCommand extends VivariumCommand {
  @Option(names = "--seconds", paramLabel = "S", description = "Duration (default: ${DEFAULT-VALUE}).")
  double seconds = 10;

  @Option(names = "--workers", paramLabel = "W", description = "Executor processes (default: ${DEFAULT-VALUE}).")
  int workers = 2;

  @Option(names = "--runs", paramLabel = "N", description = "Soak: run N programs instead, with leak figures.")
  long runs;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--seconds", Double.toString(seconds),
        "--workers", Integer.toString(workers)));
    if (runs > 0) {
      args.addAll(List.of("--runs", Long.toString(runs)));
    }
    out().println(ExecBench.report(args.toArray(String[]::new)));
    return 0;
  }
}
