package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.tutor.Tutorial;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.lab.tutorial.TutorialTask;
import io.vivarium.lab.tutorial.TutorialTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium train tutorial}: supervised training on one of the gold world's tutorials
 * ({@link TutorialTraining}).
 */
@Command(name = "tutorial", mixinStandardHelpOptions = true,
    description = {"Train a brain on a gold tutorial (qa, line or describe) with fresh examples every step, then "
        + "save it; the learning curve goes beside it as FILE.csv.",
        "Prints one progress line per interval (score on 200 held-out examples), then accuracy (qa, describe: "
            + "exact match of greedy answers) or iou (line) on the held-out set."})
final class TrainTutorialCommand extends VivariumCommand {
  @Parameters(index = "0", paramLabel = "TASK", description = "qa, line or describe.")
  String task;

  @Option(names = "--preset", paramLabel = "P", defaultValue = "gold-bare-5x5",
      description = "Gold world preset the scenes come from (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "2000",
      description = "Gradient steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "32", description = "Examples per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", paramLabel = "X", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--every", paramLabel = "N", defaultValue = "100",
      description = "Steps between progress lines (default: ${DEFAULT-VALUE}).")
  int every;

  @Option(names = "--held-out", paramLabel = "N", defaultValue = "1000",
      description = "Held-out examples scored at the end (default: ${DEFAULT-VALUE}).")
  int heldOut;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of weights and training examples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--brain-preset", paramLabel = "B", description = "Brain preset (default: brain.preset).")
  String brainPreset;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to save the brain (default: DATA/brains/tutorial-TASK.brain).")
  Path out;

  @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Configuration overrides, e.g. brain.dim=96.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (heldOut < 1) {
      throw new IllegalArgumentException("--held-out must be at least 1; got " + heldOut);
    }
    Tutorial.Options o = new Tutorial.Options(steps, batch, lr, Math.min(50, steps / 10), every, 1.0);
    BrainConfig c = config(overrides).brain();
    BrainShape shape = BrainShape.of(brainPreset == null ? c
        : c.withPreset(brainPreset));
    TutorialTask<?> t = TutorialTask.of(task, preset, shape);
    Path file = out != null ? out : dataDir().resolve("brains").resolve("tutorial-" + t.name() + ".brain");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Torch.start(c, dataDir());
    TutorialTraining.train(t, shape, seed, o, heldOut, file, line -> {
      out().println(line);
      out().flush();
    }, progress());
    return 0;
  }
}
