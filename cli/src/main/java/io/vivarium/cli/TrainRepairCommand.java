package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.learn.LmCorpus;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.brain.learn.LmTrainer;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.RepairEval;
import io.vivarium.worlds.repair.RepairPreset;
import io.vivarium.worlds.repair.RepairPresets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium train repair}: trains a brain as a byte language model on clean passages of
 * the corpus's training split, within a time budget, for the repair search to rank its
 * candidates with ({@link BrainTextScorer}); then a short held-out evaluation of
 * {@code heuristic+brain}.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Train a brain as a language model of clean passages for the repair search to rank its candidate "
        + "repairs (see docs/worlds.md), then save it.",
        "Prints progress, then mean_reward and exact_rate of heuristic+brain on held-out episodes; evaluate further "
            + "with 'vivarium eval --world repair --solver heuristic+brain --brain FILE'."})
final class TrainRepairCommand extends VivariumCommand {
  private static final int WARMUP = 30;
  private static final int LOG_EVERY = 25;

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
    RepairPreset p = RepairPresets.get(preset);
    Corpus c = corpus.open(p);
    BrainConfig bc = config(overrides).brain();
    BrainShape shape = BrainShape.of(new BrainConfig(brainPreset, bc.device(), bc.threads(), bc.layers(),
        bc.heads(), bc.dim(), bc.block(), bc.dropout()));
    LmOptions o = LmOptions.defaults(shape).with(iters, batch, block, lr).with(seed, bc.threads(), null);
    LmCorpus text = new LmCorpus(corpusBytes(c, passages), block, c.name() + " training split");
    Path file = out != null ? out : dataDir().resolve("brains").resolve("repair.brain");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Torch.start(bc.threads(), dataDir()).setRandomSeed((int) Seeds.derive(seed, "torch"));
    try (TorchBrain brain = TorchBrain.create(shape, Seeds.derive(seed, "weights"))) {
      out().printf(Locale.ROOT, "train repair · language model · %s · %d bytes · %.1f min · batch %d × %d · seed %d "
          + "· brain %s, %d parameters, %d thread(s)%n", c.name(), text.size(), minutes, batch, block, seed,
          brainPreset, brain.parameterCount(), bc.threads());
      LmTrainer trainer = new LmTrainer(brain, text, o);
      long start = System.nanoTime();
      int done = train(trainer, brain, text, start);
      float[] eval = trainer.evaluate();
      brain.save(file);
      out().printf(Locale.ROOT, "iters: %d%nseconds: %.0f%nloss: %.4f%nval_loss: %.4f%nbrain: %s%n", done,
          (System.nanoTime() - start) / 1e9, eval[0], eval[1], file);
      if (evalEpisodes > 0) {
        RepairEval.Report e = RepairEval.run(p, c, BrainSolverProvider.solver("heuristic+brain", brain, c, true),
            evalEpisodes, Seeds.derive(seed, "train-repair-eval"));
        out().printf(Locale.ROOT, "mean_reward: %.4f%nexact_rate: %.4f%n", e.overall().meanReward(),
            e.overall().exactRate());
      }
    }
    out().flush();
    return 0;
  }

  /** Trains until the iteration or time budget is spent; returns the iterations done. */
  private int train(LmTrainer trainer, TorchBrain brain, LmCorpus text, long start) {
    double budget = minutes * 60;
    SplittableRandom rng = Seeds.random(seed, "repair-lm-batches", 0);
    long[] x = new long[batch * block];
    long[] y = new long[batch * block];
    double sum = 0;
    int it = 0;
    try (AdamW opt = brain.update(w -> new AdamW(w, 0.9, 0.99, 1e-8, 0.1))) {
      for (; it < iters; it++) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (elapsed >= budget) {
          break;
        }
        double rate = lrAt(it, Math.max((double) it / iters, elapsed / budget));
        text.batch(rng, batch, block, false, x, y);
        float loss = trainer.step(opt, x, y, rate);
        if (!Float.isFinite(loss)) {
          throw new IllegalStateException("training diverged at iteration " + it + " (loss " + loss + "); lower --lr");
        }
        sum += loss;
        if ((it + 1) % LOG_EVERY == 0) {
          out().printf(Locale.ROOT, "iter %d · loss %.4f · lr %.2e · %.1f s%n", it + 1, sum / LOG_EVERY, rate,
              (System.nanoTime() - start) / 1e9);
          out().flush();
          sum = 0;
        }
      }
    }
    return it;
  }

  /** Linear warm-up, then cosine decay to lr/10 over the spent share {@code done} of the budget. */
  private double lrAt(int it, double done) {
    if (it < WARMUP) {
      return lr * (it + 1) / (WARMUP + 1);
    }
    return lr / 10 + 0.5 * (1 + Math.cos(Math.PI * Math.min(1, done))) * (lr - lr / 10);
  }

  /** The first {@code passages} training passages, each after {@link BrainTextScorer#START}, as UTF-8. */
  static byte[] corpusBytes(Corpus corpus, int passages) {
    StringBuilder b = new StringBuilder();
    long n = Math.min(passages, corpus.size(Split.TRAIN));
    for (long i = 0; i < n; i++) {
      b.append(BrainTextScorer.START).append(corpus.passage(Split.TRAIN, i));
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
