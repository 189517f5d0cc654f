package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.tutor.Tutor;
import io.vivarium.brain.tutor.Tutorial;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.BrainConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium train tutorial}: supervised training on one of the gold world's tutorials. */
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
        : new BrainConfig(brainPreset, c.device(), c.threads(), c.layers(), c.heads(), c.dim(), c.block(), c.dropout()));
    TutorialTask<?> t = TutorialTask.of(task, preset, shape);
    Path file = out != null ? out : dataDir().resolve("brains").resolve("tutorial-" + t.name() + ".brain");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Torch.start(c.threads(), dataDir());
    return train(t, shape, file, o);
  }

  private <E> int train(TutorialTask<E> t, BrainShape shape, Path file, Tutorial.Options o) throws Exception {
    List<E> held = t.heldOut(1, heldOut);
    shape = fitted(shape, TutorialTask.longest(held));
    Path csv = file.resolveSibling(file.getFileName() + ".csv");
    try (TorchBrain brain = TorchBrain.create(shape, Seeds.derive(seed, "weights"));
        Tutor<E> tutor = t.tutor().apply(brain);
        PrintWriter curve = new PrintWriter(Files.newBufferedWriter(csv))) {
      out().printf(Locale.ROOT, "train tutorial · %s · %s · %d steps of %d · seed %d · brain %d parameters, block %d%n",
          t.name(), t.preset().name(), o.steps(), o.batch(), seed, brain.parameterCount(), shape.block());
      curve.println(Tutorial.Point.csvHeader());
      List<E> probe = held.subList(0, Math.min(200, held.size()));
      Tutorial.Point last = Tutorial.run(tutor, k -> t.batch(seed, k, o.batch()), probe, o, p -> {
        out().println(p.line());
        out().flush();
        curve.println(p.csv());
        curve.flush();
      });
      brain.save(file);
      out().printf(Locale.ROOT, "training_seconds: %.1f%n", last.seconds());
      out().printf(Locale.ROOT, "held_out: %d%n", held.size());
      t.report(tutor, held, 1, out());
      out().printf("brain: %s%ncurve: %s%n", file, csv);
      out().flush();
    }
    return 0;
  }

  /** {@code shape} with its block raised to fit {@code tokens} with room to spare (a multiple of 64), if needed. */
  static BrainShape fitted(BrainShape shape, int tokens) {
    if (tokens + 16 <= shape.block()) {
      return shape;
    }
    int b = (tokens + 16 + 63) / 64 * 64;
    return shape.with(shape.layers(), shape.heads(), shape.dim(), b, shape.dropout());
  }
}
