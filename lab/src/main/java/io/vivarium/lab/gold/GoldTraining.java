package io.vivarium.lab.gold;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.Evaluation;
import io.vivarium.brain.learn.Training;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.core.tb.CsvBoard;
import io.vivarium.core.Progress;
import io.vivarium.core.world.Curriculum;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import io.vivarium.worlds.gold.GoldPresets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The recipe behind {@code vivarium train gold}: a fresh brain trained in batches of
 * {@value #WORLDS} gold worlds by a {@link Training.Plan} (the curriculum on unless asked
 * otherwise), its learning curve written beside the brain file as {@code FILE.csv}, then the
 * greedy policy measured against the expert and the sampled policy on held-out episodes.
 *
 * <p>Stateless; a call trains one brain on the caller's thread.
 */
public final class GoldTraining {
  /** Gold worlds stepped together while training. */
  private static final int WORLDS = 8;
  /** Gold worlds stepped together while evaluating; evaluation episodes are a multiple of it. */
  public static final int EVAL_BATCH = 32;

  private GoldTraining() {}

  /** Refuses an unknown gold preset (listing the known ones) before anything is started. */
  public static void checkPreset(String preset) {
    GoldPresets.get(preset);
  }

  /**
   * Trains a brain of {@code shape} in gold preset {@code preset} by {@code plan}, saves it to
   * {@code file} and evaluates it on {@code evalEpisodes} held-out episodes; the header, one
   * progress line per iteration and the result lines go to {@code lines}.
   */
  public static void run(Training.Plan plan, String preset, boolean curriculum, BrainShape shape, int evalEpisodes,
      Path file, Consumer<String> lines) throws IOException {
    run(plan, preset, curriculum, shape, evalEpisodes, file, lines, Progress.Tracker.NONE);
  }

  /** {@link #run(Training.Plan, String, boolean, BrainShape, int, Path, Consumer)}, the environment steps reported to {@code progress}. */
  public static void run(Training.Plan plan, String preset, boolean curriculum, BrainShape shape, int evalEpisodes,
      Path file, Consumer<String> lines, Progress.Tracker progress) throws IOException {
    GoldPresets.get(preset);
    if (evalEpisodes < EVAL_BATCH || evalEpisodes % EVAL_BATCH != 0) {
      throw new IllegalArgumentException("evaluation episodes must be a positive multiple of " + EVAL_BATCH + "; got "
          + evalEpisodes);
    }
    Path csv = file.resolveSibling(file.getFileName() + ".csv");
    WorldFactory gold = Worlds.get("gold");
    try (TorchBrain brain = TorchBrain.create(shape, Seeds.derive(plan.seed(), "weights"));
        PrintWriter curve = new PrintWriter(Files.newBufferedWriter(csv));
        CsvBoard board = CsvBoard.beside(file, Training.Point.csvHeader(), "env_steps")) {
      lines.accept(String.format(Locale.ROOT, "train gold · %s · %s · %d steps%s · seed %d · brain %d parameters",
          plan.method(), preset, plan.steps(), plan.seconds() > 0
              ? String.format(Locale.ROOT, " or %.1f minutes", plan.seconds() / 60) : "", plan.seed(),
          brain.parameterCount()));
      curve.println(Training.Point.csvHeader());
      try (Progress bar = progress.start("train gold " + plan.method(), plan.steps(), "env steps")) {
        Training.run(brain, () -> batch(gold, preset, curriculum), plan, p -> {
          lines.accept(p.line());
          curve.println(p.csv());
          board.row(p.csv());
          curve.flush();
          bar.advanceTo(p.envSteps());
          bar.note(String.format(Locale.ROOT, "%s success %.2f", p.phase(), p.successRate()));
        });
      }
      brain.save(file);
      evaluate(brain, gold, preset, evalEpisodes / EVAL_BATCH, Seeds.derive(plan.seed(), "evaluation"), lines);
      lines.accept("brain: " + file);
      lines.accept("curve: " + csv);
      lines.accept("tensorboard: " + board.path().getParent().getParent());
    } catch (UncheckedIOException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The greedy policy beside the expert, then the sampled policy, on the same episodes. */
  private static void evaluate(TorchBrain brain, WorldFactory gold, String preset, int each, long seed,
      Consumer<String> lines) {
    try (WorldBatch eval = gold.batch(preset, EVAL_BATCH); WorldBatch expert = gold.batch(preset, EVAL_BATCH)) {
      Evaluation.Result r = Evaluation.brain(brain, eval, Encoding.forSpec(eval.spec()), each, seed);
      Evaluation.Result e = Evaluation.expert(expert, each, seed);
      PolicyEvaluation.report(r, e, lines);
      Evaluation.Result sampled = Evaluation.brain(brain, eval, Encoding.forSpec(eval.spec()), each, seed, true);
      lines.accept(String.format(Locale.ROOT, "sampled_mean_return: %.4f", sampled.meanReturn()));
      lines.accept(String.format(Locale.ROOT, "sampled_success_rate: %.4f", sampled.successRate()));
    }
  }

  private static WorldBatch batch(WorldFactory gold, String preset, boolean curriculum) {
    WorldBatch b = gold.batch(preset, WORLDS);
    if (curriculum && b instanceof Curriculum c) {
      c.startCurriculum(1);
    }
    return b;
  }
}
