package io.vivarium.cli;

import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainedFor;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import io.vivarium.lab.gold.PolicyEvaluation;
import io.vivarium.lab.repair.RepairEval;
import io.vivarium.lab.repair.RepairSource;
import io.vivarium.lab.tutorial.TutorialTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vivarium eval}: measures a trained brain in a world with one-byte actions (gold)
 * against the world's expert, or a solver of the repair world per operation.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluate on held-out episodes of a world.",
        "gold: a brain's greedy policy (--brain; --sample draws actions instead); prints mean_return, success_rate and optimal_ratio "
            + "(mean return / the expert's on the same episodes).",
        "repair: solvers (--solver); prints a table per operation, then mean_reward and exact_rate.",
        "--task qa|line|describe: a brain on held-out gold tutorial examples; prints accuracy (exact match) or iou."})
final class EvalCommand extends VivariumCommand {
  @Option(names = "--world", paramLabel = "NAME", defaultValue = "gold", description = "World (default: ${DEFAULT-VALUE}).")
  String world;

  @Option(names = "--brain", paramLabel = "FILE",
      description = "The brain to measure (gold, --task), or the brain of --solver brain (repair).")
  Path brainFile;

  @Option(names = "--task", paramLabel = "T",
      description = "A gold tutorial instead of episodes: qa, describe (prints accuracy: exact match) or line (iou).")
  String task;

  @Option(names = "--solver", paramLabel = "S", split = ",", defaultValue = "heuristic",
      description = "repair: identity, heuristic, heuristic+ngram, brain, heuristic+brain (with --brain), or a provider's solver; several separated by commas also "
          + "print an operations x solvers table (default: ${DEFAULT-VALUE}).")
  List<String> solvers;

  @Option(names = "--episodes", paramLabel = "N",
      description = "Episodes (default: 256 for gold, 700 per solver for repair), or held-out examples for --task (1000).")
  Integer episodes;

  @Option(names = "--preset", paramLabel = "P",
      description = "Preset (default: the one the brain was trained on, else gold-bare-5x5, or repair-single).")
  String preset;

  @Option(names = "--seed", paramLabel = "S", description = "Evaluation seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--sample", description = "gold: draw each action from the brain's policy instead of taking the most "
      + "likely one (greedy, the default); shows what a weak policy has learned.")
  boolean sample;

  @Mixin CorpusOptions corpus;

  @Override
  public Integer call() throws Exception {
    if (episodes != null && episodes < 1) {
      throw new IllegalArgumentException("--episodes must be at least 1; got " + episodes);
    }
    if (world.equals("repair")) {
      return repair();
    }
    if (task != null) {
      return tutorial();
    }
    WorldFactory f = Worlds.get(world);
    if (brainFile == null) {
      throw new IllegalArgumentException("eval --world " + world + " needs --brain FILE (train one with "
          + "'vivarium train gold --out FILE')");
    }
    if (!Files.isRegularFile(brainFile)) {
      throw new IllegalArgumentException("brain file " + brainFile + " does not exist; train one with "
          + "'vivarium train gold --out FILE'");
    }
    Torch.start(1, dataDir());
    try (TorchBrain brain = TorchBrain.load(brainFile)) {
      // without --preset, the preset the brain was trained on; Evaluation refuses another encoding
      String p = preset != null ? preset : brain.trainedFor().filter(t -> t.world().equals(world))
          .map(TrainedFor::preset).orElse(world.equals("gold") ? "gold-bare-5x5" : f.defaultPreset());
      out().println("preset: " + p);
      PolicyEvaluation.run(brain, f, p, episodes != null ? episodes : 256, seed, sample, out()::println, progress());
    }
    out().flush();
    return 0;
  }

  private int tutorial() throws java.io.IOException {
    if (brainFile == null || !Files.isRegularFile(brainFile)) {
      throw new IllegalArgumentException("eval --task " + task + " needs --brain FILE of an existing brain; train one with "
          + "'vivarium train tutorial " + task + " --out FILE'");
    }
    Torch.start(1, dataDir());
    try (TorchBrain brain = TorchBrain.load(brainFile)) {
      TutorialTask.evaluate(task, preset != null ? preset : "gold-bare-5x5", brain, seed,
          episodes != null ? episodes : 1000, out()::println);
    }
    out().flush();
    return 0;
  }

  private int repair() {
    RepairSource source = corpus.open(preset != null ? preset : "repair-single");
    if (solvers.stream().anyMatch(s -> !List.of("identity", "heuristic", "heuristic+ngram").contains(s))) {
      Torch.start(1, dataDir()); // a brain solver: one intra-op thread, as for the other worlds
    }
    List<String> specs = solvers.stream().map(this::brainSpec).toList();
    List<RepairEval.Report> reports = RepairEval.runAll(source, specs, episodes != null ? episodes : 700, seed, r -> {
      out().println(r.render());
      out().flush();
    }, line -> {
      err().println(line); // progress on stderr: stdout stays the tables
      err().flush();
    });
    if (reports.size() > 1) {
      out().println(RepairEval.compare(reports));
    }
    return 0;
  }

  /** {@code brain} and {@code heuristic+brain} stand for the {@code --brain} file. */
  private String brainSpec(String solver) {
    if (!solver.equals("brain") && !solver.equals("heuristic+brain")) {
      return solver;
    }
    if (brainFile == null) {
      throw new IllegalArgumentException("--solver " + solver + " needs --brain FILE (train one with "
          + "'vivarium train repair --out FILE')");
    }
    return solver.replace("brain", brainFile.toString());
  }
}
