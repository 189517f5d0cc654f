package io.vivarium.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vivarium bench}: the benchmark harnesses of the bench module, as subcommands. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run a benchmark harness; prints key: value lines.",
    subcommands = {BenchWorldCommand.class, BenchExecCommand.class, BenchBusCommand.class,
        BenchMemoryCommand.class, BenchZooCommand.class, BenchBrainCommand.class,
        BenchPpoCommand.class, BenchMeditationCommand.class, BenchFactsCommand.class,
        BenchRepairColonyCommand.class, BenchColonyCommand.class, BenchClusterCommand.class,
        BenchTerminalCommand.class, BenchGrowthCommand.class, BenchThinkCommand.class,
        BenchSoupCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
