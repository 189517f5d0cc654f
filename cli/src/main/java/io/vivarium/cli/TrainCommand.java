package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.brain.learn.LmTrainer;
import io.vivarium.core.config.BrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium train}: trains brains; {@code train lm} pretrains a language model. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train brains.", subcommands = {TrainCommand.Lm.class, TrainGoldCommand.class, TrainTutorialCommand.class, TrainListenCommand.class,
        TrainRepairCommand.class, TrainEvaluatorCommand.class})
final class TrainCommand extends VivariumCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return 0;
  }

  /** {@code vivarium train lm}: next-byte language-model pretraining on a corpus file. */
  @Command(name = "lm", mixinStandardHelpOptions = true,
      description = {"Pretrain a brain as a byte-level language model on a text file (90 %% "
          + "trains, the last 10 %% is held out), then save it.",
          "Prints progress, then val_loss, tokens_per_second, ms_per_iter and parameters."})
  static final class Lm extends VivariumCommand {
    @Option(names = "--corpus", paramLabel = "FILE", required = true,
        description = "Text file to learn from.")
    Path corpus;

    @Option(names = "--preset", paramLabel = "P",
        description = "Brain preset: tiny, small, base, nanogpt-cpu, 30m, 100m, 1b (default: brain.preset).")
    String preset;

    @Option(names = "--iters", paramLabel = "N", defaultValue = "2000",
        description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iters;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "12",
        description = "Sequences per iteration (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--block", paramLabel = "T",
        description = "Bytes per sequence (default: 64, at most the preset's block).")
    Integer block;

    @Option(names = "--accumulate", paramLabel = "N", defaultValue = "1",
        description = "Micro-batches per iteration (gradient accumulation: batch/N sequences each, "
            + "the same update with 1/N of the activations' memory; default: ${DEFAULT-VALUE}).")
    int accumulate;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "1e-3",
        description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1337",
        description = "Seed for weights and batches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Where to save the brain (default: DATA/brains/lm.brain).")
    Path out;

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
        description = "Configuration overrides, e.g. brain.layers=6 brain.threads=2.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      BrainConfig c = config(overrides).brain();
      if (preset != null) {
        c = c.withPreset(preset);
      }
      BrainShape shape = BrainShape.of(c);
      int t = block != null ? block : Math.min(64, shape.block());
      Path file = out != null ? out : dataDir().resolve("brains").resolve("lm.brain");
      Torch.start(c, dataDir());
      Torch.device(c.device());
      LmOptions o = LmOptions.defaults(shape).with(iters, batch, t, lr).with(seed, c.threads(), file)
          .withAccumulate(accumulate);
      LmTrainer.run(corpus, o, out(), progress());
      out().flush();
      return 0;
    }
  }
}
