package io.vivarium.lab.tutorial;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.tutor.Tutor;
import io.vivarium.brain.tutor.Tutorial;
import io.vivarium.core.Progress;
import io.vivarium.core.Seeds;
import io.vivarium.core.tb.CsvBoard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The recipe behind {@code vivarium train tutorial}: a fresh brain trained on fresh examples of
 * a {@link TutorialTask} every step ({@link Tutorial#run}), its learning curve written beside
 * the brain file as {@code FILE.csv}, then scored on held-out examples of evaluation seed 1.
 *
 * <p>Stateless; a call trains one brain on the caller's thread.
 */
public final class TutorialTraining {
  /** Held-out examples scored at every progress line. */
  private static final int PROBE = 200;

  private TutorialTraining() {}

  /**
   * Trains a brain of {@code shape} (its block raised to fit the examples, {@link #fitted}) on
   * {@code task} with {@code options} from {@code seed}, saves it to {@code file} and scores it
   * on {@code heldOut} held-out examples; the header, progress and result lines ({@code
   * training_seconds}, {@code held_out}, the metric, {@code brain}, {@code curve}) go to
   * {@code lines}.
   */
  public static void train(TutorialTask<?> task, BrainShape shape, long seed, Tutorial.Options options, int heldOut,
      Path file, Consumer<String> lines) throws IOException {
    train(task, shape, seed, options, heldOut, file, lines, Progress.Tracker.NONE);
  }

  /** {@link #train(TutorialTask, BrainShape, long, Tutorial.Options, int, Path, Consumer)}, the steps reported to {@code progress}. */
  public static void train(TutorialTask<?> task, BrainShape shape, long seed, Tutorial.Options options, int heldOut,
      Path file, Consumer<String> lines, Progress.Tracker progress) throws IOException {
    if (heldOut < 1) {
      throw new IllegalArgumentException("held-out examples must be at least 1; got " + heldOut);
    }
    typed(task, shape, seed, options, heldOut, file, lines, progress);
  }

  private static <E> void typed(TutorialTask<E> t, BrainShape shape, long seed, Tutorial.Options o, int heldOut,
      Path file, Consumer<String> lines, Progress.Tracker progress) throws IOException {
    List<E> held = t.heldOut(1, heldOut);
    BrainShape fit = fitted(shape, TutorialTask.longest(held));
    Path csv = file.resolveSibling(file.getFileName() + ".csv");
    try (TorchBrain brain = TorchBrain.create(fit, Seeds.derive(seed, "weights"));
        Tutor<E> tutor = t.tutor().apply(brain);
        PrintWriter curve = new PrintWriter(Files.newBufferedWriter(csv));
        CsvBoard board = CsvBoard.beside(file, Tutorial.Point.csvHeader(), "step")) {
      lines.accept(String.format(Locale.ROOT, "train tutorial · %s · %s · %d steps of %d · seed %d · brain %d "
          + "parameters, block %d", t.name(), t.preset().name(), o.steps(), o.batch(), seed, brain.parameterCount(),
          fit.block()));
      curve.println(Tutorial.Point.csvHeader());
      List<E> probe = held.subList(0, Math.min(PROBE, held.size()));
      Tutorial.Point last;
      try (Progress bar = progress.start("train tutorial " + t.name(), o.steps(), "steps")) {
        last = Tutorial.run(tutor, k -> t.batch(seed, k, o.batch()), probe, o, p -> {
          lines.accept(p.line());
          curve.println(p.csv());
          board.row(p.csv());
          curve.flush();
          bar.advanceTo(p.step());
          bar.note(String.format(Locale.ROOT, "%s %.3f", p.metric(), p.score()));
        });
      }
      brain.save(file);
      lines.accept(String.format(Locale.ROOT, "training_seconds: %.1f", last.seconds()));
      lines.accept("held_out: " + held.size());
      t.report(tutor, held, 1, lines);
      lines.accept("brain: " + file);
      lines.accept("curve: " + csv);
      lines.accept("tensorboard: " + board.path().getParent().getParent());
    }
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
