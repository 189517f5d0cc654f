package io.vivarium.cli;

import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.RepairEval;
import io.vivarium.worlds.repair.RepairPreset;
import io.vivarium.worlds.repair.RepairPresets;
import io.vivarium.worlds.repair.Solvers;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vivarium eval --world repair --solver S}: a solver's per-operation table on held-out
 * episodes, then {@code mean_reward} and {@code exact_rate}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a solver on held-out episodes of a world (today: repair).")
final class EvalCommand extends VivariumCommand {
  @Option(names = "--world", paramLabel = "NAME", required = true, description = "World to evaluate in: repair.")
  String world;

  @Option(names = "--solver", paramLabel = "S", split = ",", defaultValue = "heuristic",
      description = "identity, heuristic, or a provider's solver (e.g. a brain file); "
          + "several separated by commas also print an operations x solvers table (default: ${DEFAULT-VALUE}).")
  List<String> solvers;

  @Option(names = "--episodes", paramLabel = "N", description = "Episodes per solver (default: ${DEFAULT-VALUE}).")
  int episodes = 700;

  @Option(names = "--preset", paramLabel = "P", description = "Episode preset (default: ${DEFAULT-VALUE}).")
  String preset = "repair-single";

  @Option(names = "--seed", paramLabel = "S", description = "Evaluation seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Mixin CorpusOptions corpus;

  @Override
  public Integer call() {
    if (!world.equals("repair")) {
      throw new IllegalArgumentException(
          "--world " + world + " has no evaluation yet; worlds with one: [repair]");
    }
    RepairPreset p = RepairPresets.get(preset);
    Corpus c = corpus.open(p);
    List<RepairEval.Report> reports = new ArrayList<>();
    for (String s : solvers) {
      RepairEval.Report r = RepairEval.run(p, c, Solvers.create(s, c), episodes, seed);
      reports.add(r);
      out().println(r.render());
    }
    if (reports.size() > 1) {
      out().println(RepairEval.compare(reports));
    }
    return 0;
  }
}
