package io.vivarium.lab.repair;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.LmCorpus;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.core.Seeds;
import io.vivarium.core.tb.CsvBoard;
import io.vivarium.core.tb.EventFile;
import io.vivarium.lab.lm.TimedLmTraining;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.RepairPreset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The recipe behind {@code vivarium train repair}: a fresh brain trained as a byte language
 * model on clean passages of the corpus's training split, within a time budget
 * ({@link TimedLmTraining}), saved, then evaluated as {@code heuristic+brain} on held-out
 * episodes, for the repair search to rank its candidates with ({@link BrainTextScorer}).
 *
 * <p>Stateless; a call trains one brain on the caller's thread.
 */
public final class RepairLmTraining {
  private RepairLmTraining() {}

  /**
   * What to train.
   *
   * @param preset the repair preset of the held-out evaluation
   * @param corpus the corpus whose training passages are learned
   * @param brainName the brain preset's name, for the header line
   * @param options the language-model options (shape, iterations, batch, block, lr, seed, threads)
   * @param minutes the wall-clock training budget
   * @param passages the training passages in the language-model corpus
   * @param evalEpisodes held-out episodes evaluated after training, 0 for none
   */
  public record Plan(RepairPreset preset, Corpus corpus, String brainName, LmOptions options, double minutes,
      int passages, int evalEpisodes) {
    public Plan {
      Objects.requireNonNull(preset, "preset");
      Objects.requireNonNull(corpus, "corpus");
      Objects.requireNonNull(brainName, "brainName");
      Objects.requireNonNull(options, "options");
      if (!(minutes > 0)) {
        throw new IllegalArgumentException("the training budget must be positive minutes; got " + minutes);
      }
      if (evalEpisodes < 0 || passages < 1) {
        throw new IllegalArgumentException("evaluation episodes must be 0 or more and passages 1 or more; got "
            + evalEpisodes + " and " + passages);
      }
    }

    /** A plan over the preset and corpus of {@code source}. */
    public Plan(RepairSource source, String brainName, LmOptions options, double minutes, int passages,
        int evalEpisodes) {
      this(source.preset(), source.corpus(), brainName, options, minutes, passages, evalEpisodes);
    }
  }

  /**
   * What the run did.
   *
   * @param training the language-model training
   * @param evaluation heuristic+brain on held-out episodes, empty when none were asked for
   */
  public record Result(TimedLmTraining.Result training, Optional<RepairEval.Report> evaluation) {}

  /** The run's final numbers as TensorBoard events in {@code runs/NAME/} beside the brain, at its last iteration. */
  private static void board(Path file, TimedLmTraining.Result r, Optional<RepairEval.Report> e,
      Consumer<String> progress) throws IOException {
    try (EventFile board = new EventFile(CsvBoard.runBeside(file), 0)) {
      long now = System.currentTimeMillis();
      board.scalar("loss", r.iters(), r.loss(), now);
      board.scalar("val_loss", r.iters(), r.valLoss(), now);
      if (e.isPresent()) {
        board.scalar("mean_reward", r.iters(), e.get().overall().meanReward(), now);
        board.scalar("exact_rate", r.iters(), e.get().overall().exactRate(), now);
      }
      progress.accept("tensorboard: " + board.path().getParent().getParent());
    }
  }

  /**
   * Trains a brain by {@code plan}, saves it to {@code file} and evaluates it; the header, the
   * progress lines and the result lines ({@code iters}, {@code seconds}, {@code loss},
   * {@code val_loss}, {@code brain}, then {@code mean_reward} and {@code exact_rate}) go to
   * {@code progress} as they happen.
   */
  public static Result run(Plan plan, Path file, Consumer<String> progress) throws IOException {
    LmOptions o = plan.options();
    Corpus c = plan.corpus();
    LmCorpus text = new LmCorpus(corpusBytes(c, plan.passages()), o.block(), c.name() + " training split");
    try (TorchBrain brain = TorchBrain.create(o.shape(), Seeds.derive(o.seed(), "weights"))) {
      progress.accept(String.format(Locale.ROOT, "train repair · language model · %s · %d bytes · %.1f min · "
          + "batch %d × %d · seed %d · brain %s, %d parameters, %d thread(s)", c.name(), text.size(), plan.minutes(),
          o.batch(), o.block(), o.seed(), plan.brainName(), brain.parameterCount(), o.threads()));
      TimedLmTraining.Result r = TimedLmTraining.train(brain, text, o, plan.minutes(), "repair-lm-batches", progress);
      brain.save(file);
      progress.accept("iters: " + r.iters());
      progress.accept(String.format(Locale.ROOT, "seconds: %.0f", r.seconds()));
      progress.accept(String.format(Locale.ROOT, "loss: %.4f", r.loss()));
      progress.accept(String.format(Locale.ROOT, "val_loss: %.4f", r.valLoss()));
      progress.accept("brain: " + file);
      Optional<RepairEval.Report> e = Optional.empty();
      if (plan.evalEpisodes() > 0) {
        e = Optional.of(RepairEval.run(plan.preset(), c, BrainSolvers.solver("heuristic+brain", brain, c, true),
            plan.evalEpisodes(), Seeds.derive(o.seed(), "train-repair-eval")));
        progress.accept(String.format(Locale.ROOT, "mean_reward: %.4f", e.get().overall().meanReward()));
        progress.accept(String.format(Locale.ROOT, "exact_rate: %.4f", e.get().overall().exactRate()));
      }
      board(file, r, e, progress);
      return new Result(r, e);
    }
  }

  /**
   * A founder for a repair colony: a fresh brain of the colony's {@code shape} trained as a byte
   * language model on the first {@code passages} training passages of {@code corpus} for
   * {@code minutes} (windows of {@code options.block()} bytes), saved to {@code file}; progress
   * lines go to {@code progress}. The caller owns the returned brain.
   */
  public static TorchBrain founder(Corpus corpus, LmOptions options, double minutes, int passages, Path file,
      Consumer<String> progress) throws IOException {
    LmCorpus text = new LmCorpus(corpusBytes(corpus, passages), options.block(), corpus.name() + " training split");
    TorchBrain brain = TorchBrain.create(options.shape(), Seeds.derive(options.seed(), "weights"));
    try {
      progress.accept(String.format(Locale.ROOT, "founder · language model · %s · %d bytes · %.1f min · batch %d × %d"
          + " · %d parameters, block %d", corpus.name(), text.size(), minutes, options.batch(), options.block(),
          brain.parameterCount(), options.shape().block()));
      TimedLmTraining.Result r = TimedLmTraining.train(brain, text, options, minutes, "repair-founder-batches",
          progress);
      brain.save(file);
      progress.accept(String.format(Locale.ROOT, "founder: %d iterations in %.0f s, loss %.4f, val_loss %.4f, saved to %s",
          r.iters(), r.seconds(), r.loss(), r.valLoss(), file));
      return brain;
    } catch (IOException | RuntimeException e) {
      brain.close();
      throw e;
    }
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
