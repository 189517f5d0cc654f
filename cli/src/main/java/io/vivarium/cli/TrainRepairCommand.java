package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.lab.repair.RepairLmTraining;
import io.vivarium.lab.repair.RepairSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium train repair}: trains a brain as a byte language model on clean passages of
 * the corpus's training split, within a time budget, for the repair search to rank its
 * candidates with; then a short held-out evaluation of {@code heuristic+brain}
 * ({@link RepairLmTraining}).
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Train a brain as a language model of clean passages for the repair search to rank its candidate "
        + "repairs (see docs/worlds.md), then save it.",
        "Prints progress, then mean_reward and exact_rate of heuristic+brain on held-out episodes; evaluate further "
            + "with 'vivarium eval --world repair --solver heuristic+brain --brain FILE'."})
final class TrainRepairCommand extends VivariumCommand {
  @Option(names = "--preset", paramLabel = "P", defaultValue = "repair-single",
      description = "Repair preset of the held-out evaluation (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--minutes", paramLabel = "M", defaultValue = "30",
      description = "Wall-clock training budget in minutes (default: ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--iters", paramLabel = "N", defaultValue = "1000000",
      description = "The most iterations (default: ${DEFAULT-VALUE}; the time budget usually ends first).")
  int iters;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "16",
      description = "Windows of text per iteration (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--block", paramLabel = "T", defaultValue = "128",
      description = "Bytes per training window, at most the brain's block (default: ${DEFAULT-VALUE}).")
  int block;

  @Option(names = "--lr", paramLabel = "X", defaultValue = "2e-3",
      description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--passages", paramLabel = "N", defaultValue = "10000",
      description = "Clean training passages in the language-model corpus (default: ${DEFAULT-VALUE}).")
  int passages;

  @Option(names = "--brain-preset", paramLabel = "B", defaultValue = "small",
      description = "Brain preset (default: ${DEFAULT-VALUE}).")
  String brainPreset;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "140",
      description = "Held-out episodes evaluated after training, 0 for none (default: ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to save the brain (default: DATA/brains/repair.brain).")
  Path out;

  @Mixin CorpusOptions corpus;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Configuration overrides, e.g. brain.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0)) {
      throw new IllegalArgumentException("--minutes must be positive; got " + minutes);
    }
    if (evalEpisodes < 0 || passages < 1) {
      throw new IllegalArgumentException("--eval-episodes must be 0 or more and --passages 1 or more; got "
          + evalEpisodes + " and " + passages);
    }
    RepairSource source = corpus.open(preset);
    BrainConfig bc = config(overrides).brain();
    BrainShape shape = BrainShape.of(bc.withPreset(brainPreset));
    LmOptions o = LmOptions.defaults(shape).with(iters, batch, block, lr).with(seed, bc.threads(), null);
    RepairLmTraining.Plan plan = new RepairLmTraining.Plan(source, brainPreset, o, minutes, passages, evalEpisodes);
    Path file = out != null ? out : dataDir().resolve("brains").resolve("repair.brain");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Torch.start(bc, dataDir());
    Torch.seed(Seeds.derive(seed, "torch"));
    RepairLmTraining.run(plan, file, line -> {
      out().println(line);
      out().flush();
    });
    return 0;
  }
}
