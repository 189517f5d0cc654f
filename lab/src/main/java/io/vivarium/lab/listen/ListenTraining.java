package io.vivarium.lab.listen;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.Evaluation;
import io.vivarium.brain.learn.Training;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.core.Progress;
import io.vivarium.core.Seeds;
import io.vivarium.core.audio.Speech;
import io.vivarium.core.tb.CsvBoard;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import io.vivarium.worlds.listen.ListenPreset;
import io.vivarium.worlds.listen.ListenWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The recipe behind {@code vivarium train listen}: a fresh brain clones the listen world's expert
 * (the word played) on the training voices in batches of {@value #WORLDS} worlds, its learning
 * curve written beside the brain file as {@code FILE.csv}; then its greedy answers are scored on
 * held-out episodes of the held-out voice and speed combinations ({@code heldout_accuracy}), of
 * the training combinations ({@code train_accuracy}), beside chance (1 / words).
 *
 * <p>Stateless; a call trains one brain on the caller's thread.
 */
public final class ListenTraining {
  /** Listen worlds stepped together while training. */
  private static final int WORLDS = 16;
  /** Listen worlds stepped together while evaluating; evaluation episodes are a multiple of it. */
  public static final int EVAL_BATCH = 32;

  private ListenTraining() {}

  /**
   * Refuses an unknown or held-out preset (listing the known ones), and a machine without
   * espeak-ng, before anything is started.
   */
  public static void checkPreset(String preset) {
    if (ListenPreset.of(preset).heldout()) {
      throw new IllegalArgumentException("--preset " + preset + " is an evaluation preset; train on "
          + preset.replace("-heldout", "") + " (its held-out twin is evaluated at the end)");
    }
    if (!Speech.available()) {
      throw new IllegalStateException("the listen world speaks its words with espeak-ng: " + Speech.MISSING);
    }
  }

  /** The encoding brains of {@code preset} read (the spectrogram picture in patches, the prompt). */
  public static Encoding encoding(String preset) {
    return Encoding.forSpec(Worlds.get("listen").spec(preset));
  }

  /**
   * Trains a brain of {@code shape} on {@code preset}'s training voices by {@code plan}, saves it to
   * {@code file} and scores it on {@code evalEpisodes} held-out episodes; the header, one progress
   * line per iteration and the result lines go to {@code lines}.
   */
  public static void run(Training.Plan plan, String preset, BrainShape shape, int evalEpisodes, Path file,
      Consumer<String> lines) throws IOException {
    run(plan, preset, shape, evalEpisodes, file, lines, Progress.Tracker.NONE);
  }

  /** {@link #run(Training.Plan, String, BrainShape, int, Path, Consumer)}, the environment steps reported to {@code progress}. */
  public static void run(Training.Plan plan, String preset, BrainShape shape, int evalEpisodes, Path file,
      Consumer<String> lines, Progress.Tracker progress) throws IOException {
    checkPreset(preset);
    if (evalEpisodes < EVAL_BATCH || evalEpisodes % EVAL_BATCH != 0) {
      throw new IllegalArgumentException("evaluation episodes must be a positive multiple of " + EVAL_BATCH + "; got "
          + evalEpisodes);
    }
    ListenPreset p = ListenPreset.of(preset);
    Path csv = file.resolveSibling(file.getFileName() + ".csv");
    WorldFactory listen = Worlds.get("listen");
    try (TorchBrain brain = TorchBrain.create(shape, Seeds.derive(plan.seed(), "weights"));
        PrintWriter curve = new PrintWriter(Files.newBufferedWriter(csv));
        CsvBoard board = CsvBoard.beside(file, Training.Point.csvHeader(), "env_steps")) {
      lines.accept(String.format(Locale.ROOT, "train listen · %s · %s (%s) · %d steps · seed %d · brain %d parameters",
          plan.method(), preset, String.join(" ", p.words()), plan.steps(), plan.seed(), brain.parameterCount()));
      curve.println(Training.Point.csvHeader());
      try (Progress bar = progress.start("train listen " + plan.method(), plan.steps(), "env steps")) {
        Training.run(brain, () -> listen.batch(preset, WORLDS), plan, point -> {
          lines.accept(point.line());
          curve.println(point.csv());
          board.row(point.csv());
          curve.flush();
          bar.advanceTo(point.envSteps());
        });
      }
      brain.save(file);
      long seed = Seeds.derive(plan.seed(), "evaluation");
      double held = accuracy(brain, listen, p.heldOutTwin().name(), evalEpisodes, seed);
      double train = accuracy(brain, listen, preset, evalEpisodes, seed);
      lines.accept("episodes: " + evalEpisodes);
      lines.accept(String.format(Locale.ROOT, "heldout_accuracy: %.4f", held));
      lines.accept(String.format(Locale.ROOT, "train_accuracy: %.4f", train));
      board.scalar("heldout_accuracy", held);
      board.scalar("train_accuracy", train);
      lines.accept(String.format(Locale.ROOT, "chance: %.4f", 1.0 / p.words().size()));
      lines.accept("speech: " + ListenWorld.renderStats());
      lines.accept("brain: " + file);
      lines.accept("curve: " + csv);
      lines.accept("tensorboard: " + board.path().getParent().getParent());
    } catch (UncheckedIOException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The share of {@code episodes} of {@code preset} the greedy brain names rightly (a right word ends a success). */
  private static double accuracy(TorchBrain brain, WorldFactory listen, String preset, int episodes, long seed) {
    try (WorldBatch eval = listen.batch(preset, EVAL_BATCH)) {
      Evaluation.Result r = Evaluation.brain(brain, eval, Encoding.forSpec(eval.spec()), episodes / EVAL_BATCH, seed);
      return r.successRate();
    }
  }
}
