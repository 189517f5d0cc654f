package io.vivarium.cli;

import io.vivarium.bench.terminal.TerminalBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench terminal}: keystroke-steps per second of a batch of sandboxed terminals. */
@Command(name = "terminal", mixinStandardHelpOptions = true,
    description = {"A batch of sandboxed terminals typing the scripted expert's keys, each screen parsed and"
        + " pictured every step; prints keystrokes_per_second (steps x terminals / seconds)."})
final class BenchTerminalCommand extends VivariumCommand {
  @Option(names = "--terminals", paramLabel = "N", description = "Terminals in the batch (default: ${DEFAULT-VALUE}).")
  int terminals = 8;

  @Option(names = "--seconds", paramLabel = "S", description = "Measured time (default: ${DEFAULT-VALUE}).")
  double seconds = 10;

  @Option(names = "--warmup", paramLabel = "S", description = "Time stepped before measuring (default: ${DEFAULT-VALUE}).")
  double warmup = 2;

  @Option(names = "--preset", paramLabel = "P", description = "Terminal preset (default: ${DEFAULT-VALUE}).")
  String preset = "terminal-echo";

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the episodes (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Override
  public Integer call() {
    out().println(new TerminalBench(terminals, seconds, warmup, preset, seed).report());
    return 0;
  }
}
