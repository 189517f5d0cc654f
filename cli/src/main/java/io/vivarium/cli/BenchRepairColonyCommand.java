package io.vivarium.cli;

import io.vivarium.bench.repair.RepairColonyBench;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium bench repair-colony}: a repair colony from a language-model founder against heuristic+brain. */
@Command(name = "repair-colony", mixinStandardHelpOptions = true,
    description = {"Train a byte language model of the repair corpus shaped for the colony's brains (or take --founder),"
        + " run a repair colony from it for M minutes in a temporary data directory, then answer the same held-out"
        + " episodes with the colony's best agent (greedy) and with heuristic+brain ranked by the founder;"
        + " prints best_agent_mean_reward=X and heuristic_brain_mean_reward=X."})
final class BenchRepairColonyCommand extends VivariumCommand {
  @Option(names = "--minutes", paramLabel = "M", description = "Minutes the colony runs (default: ${DEFAULT-VALUE}).")
  double minutes = 30;

  @Option(names = "--lm-minutes", paramLabel = "L",
      description = "Minutes the founder language model trains (default: ${DEFAULT-VALUE}).")
  double lmMinutes = 10;

  @Option(names = "--founder", paramLabel = "FILE",
      description = "A brain file of the colony's shape to start from instead of training one.")
  Path founder;

  @Option(names = "--episodes", paramLabel = "N",
      description = "Held-out episodes both solvers answer (default: ${DEFAULT-VALUE}).")
  int episodes = 140;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the founder, the colony and the episodes"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
      description = "Configuration overrides on top of the repair colony's defaults, e.g. learn.method=bc+grpo"
          + " world.preset=repair-short.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    new RepairColonyBench(out()).run(new RepairColonyBench.Options(minutes, lmMinutes, founder, episodes, seed,
        overrides));
    return 0;
  }
}
