package io.vivarium.cli;

import io.vivarium.bench.brain.GrowthBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench growth}: how exactly widening and deepening keep each preset's outputs. */
@Command(name = "growth", mixinStandardHelpOptions = true,
    description = {"For every brain preset and a one-layer brain of width 16: the largest absolute"
        + " difference of logits, values and decoded patches before and after widening, deepening,"
        + " adding a head and widening the MLP,"
        + " and the time each took (preset=… max_abs_diff_widen=… lines)."})
final class BenchGrowthCommand extends VivariumCommand {
  @Option(names = "--threads", paramLabel = "T", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Override
  public Integer call() throws Exception {
    GrowthBench.run(threads, out());
    out().flush();
    return 0;
  }
}
