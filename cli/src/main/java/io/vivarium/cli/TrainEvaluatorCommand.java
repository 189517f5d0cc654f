package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.lab.judge.ChatExamples;
import io.vivarium.lab.judge.EvaluatorTraining;
import io.vivarium.lab.judge.Examples;
import io.vivarium.lab.judge.FactLines;
import io.vivarium.lab.judge.RepairExamples;
import io.vivarium.lab.repair.HeuristicSolver;
import io.vivarium.lab.repair.RepairSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium train evaluator}: trains an evaluator brain on answers graded by a world's own
 * grader and reports its agreement with the grader on held-out answers ({@link EvaluatorTraining}).
 */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
    description = {"Train an evaluator: a brain that answers a yes/no question about an answer (repair: 'Is the "
        + "passage repaired?', chat: 'Does the answer state the fact asked for?'), learned from answers graded by "
        + "the world's grader (see docs/evaluator.md), then save it for world.evaluator.",
        "Prints progress and, every so often and at the end, agreement=… with the grader on held-out answers, "
            + "precision_yes, recall_yes and the majority-class baseline."})
final class TrainEvaluatorCommand extends VivariumCommand {
  @Option(names = "--world", paramLabel = "W", required = true, description = "repair or chat.")
  String world;

  @Option(names = "--minutes", paramLabel = "M", defaultValue = "10",
      description = "Wall-clock training budget in minutes (default: ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "6000",
      description = "Graded training answers (default: ${DEFAULT-VALUE}).")
  int examples;

  @Option(names = "--held-out", paramLabel = "N", defaultValue = "600",
      description = "Graded held-out answers agreement is measured on (default: ${DEFAULT-VALUE}).")
  int heldOut;

  @Option(names = "--brain-preset", paramLabel = "P", defaultValue = "small",
      description = "Brain preset of a fresh brain (default: ${DEFAULT-VALUE}).")
  String brainPreset;

  @Option(names = "--init", paramLabel = "FILE",
      description = "Start from this brain (e.g. a language model from 'vivarium train repair') instead of a fresh one.")
  Path init;

  @Option(names = "--preset", paramLabel = "P", defaultValue = "repair-short",
      description = "Repair preset the answers are made for (default: ${DEFAULT-VALUE}; passages fit a small brain's block).")
  String preset;

  @Option(names = "--facts", paramLabel = "FILE",
      description = "Chat: 'subject | relation | value' lines, one in ten held out (default: 2000 made-up facts).")
  Path facts;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "16",
      description = "Answers per step, half graded yes (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", paramLabel = "X", defaultValue = "1e-3",
      description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--iters", paramLabel = "N", defaultValue = "1000000",
      description = "The most steps (default: ${DEFAULT-VALUE}; the time budget usually ends first).")
  int iters;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to save the brain (default: DATA/brains/evaluator-WORLD.brain).")
  Path out;

  @Mixin CorpusOptions corpus;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Configuration overrides, e.g. brain.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0)) {
      throw new IllegalArgumentException("--minutes must be positive; got " + minutes);
    }
    BrainConfig bc = config(overrides).brain();
    Torch.start(bc, dataDir());
    Torch.seed(Seeds.derive(seed, "torch"));
    Examples ex = examples();
    EvaluatorTraining.Plan plan = new EvaluatorTraining.Plan(ex, examples, heldOut, batch, lr, minutes, iters, seed);
    Path file = out != null ? out : dataDir().resolve("brains").resolve("evaluator-" + world + ".brain");
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (TorchBrain brain = init != null ? TorchBrain.load(init) : TorchBrain.create(BrainShape.of(new BrainConfig(
        brainPreset, bc.device(), bc.threads(), bc.layers(), bc.heads(), bc.dim(), bc.block(), bc.dropout())),
        Seeds.derive(seed, "weights"))) {
      EvaluatorTraining.run(plan, brain, file, line -> {
        out().println(line);
        out().flush();
      });
    }
    return 0;
  }

  private Examples examples() throws java.io.IOException {
    return switch (world) {
      case "repair" -> {
        RepairSource source = corpus.open(preset);
        out().println("calibrating the heuristic solver on " + source.corpus().name() + " …");
        out().flush();
        yield new RepairExamples(source, HeuristicSolver.calibrated(source.corpus(), 1000));
      }
      case "chat" -> new ChatExamples(facts == null ? FactLines.generated(2000, seed)
          : new FactLines(Files.readAllLines(facts, StandardCharsets.UTF_8), facts.toString()));
      default -> throw new IllegalArgumentException("--world must be repair or chat; got '" + world + "'");
    };
  }
}
