package io.vivarium.lab.judge;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.judge.BrainJudge;
import io.vivarium.brain.judge.JudgeText;
import io.vivarium.brain.judge.JudgeTrainer;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.learn.Schedule;
import io.vivarium.core.Seeds;
import io.vivarium.core.tb.CsvBoard;
import io.vivarium.core.tb.EventFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The recipe behind {@code vivarium train evaluator}: graded answers from the training tasks,
 * steps of {@link JudgeTrainer} on batches drawn half from the grader's yes answers and half from
 * its no answers (the grader says no far more often), AdamW (β = 0.9, 0.99, weight decay 0.1), a
 * warm-up of {@value #WARMUP} steps then cosine decay to lr/10 over the spent share of the budget;
 * the agreement with the grader on held-out answers ({@link Agreement}) {@value #EVALS} times
 * during the run and at its end; then the brain, marked as an evaluator of the world, saved.
 *
 * <p>Stateless; a call trains one brain on the caller's thread.
 */
public final class EvaluatorTraining {
  private static final int WARMUP = 30;
  private static final int LOG_EVERY = 25;
  private static final int EVALS = 5;

  private EvaluatorTraining() {}

  /**
   * What to train.
   *
   * @param examples the maker of graded answers
   * @param examplesCount graded training answers
   * @param heldOutCount graded held-out answers agreement is measured on
   * @param batch answers per step
   * @param lr the peak learning rate
   * @param minutes the wall-clock budget
   * @param iters the most steps
   * @param seed the seed of the answers and the batches
   */
  public record Plan(Examples examples, int examplesCount, int heldOutCount, int batch, double lr, double minutes,
      int iters, long seed) {
    public Plan {
      Objects.requireNonNull(examples, "examples");
      if (examplesCount < 2 || heldOutCount < 1 || batch < 2 || iters < 1 || !(lr > 0) || !(minutes > 0)) {
        throw new IllegalArgumentException("an evaluator plan needs at least 2 training answers, 1 held-out answer,"
            + " batch 2, 1 step and positive lr and minutes; got " + examplesCount + ", " + heldOutCount + ", "
            + batch + ", " + iters + ", " + lr + ", " + minutes);
      }
    }
  }

  /**
   * What a run did.
   *
   * @param iters steps taken
   * @param seconds wall-clock seconds of training and evaluation
   * @param agreement the final agreement on the held-out answers
   */
  public record Result(int iters, double seconds, Agreement agreement) {}

  /**
   * Trains {@code brain} by {@code plan}, saving it to {@code file} (when not null) marked as an
   * evaluator; progress lines, the evaluation lines and the final {@code agreement=…} line go to
   * {@code progress}. With a file, the loss and the final agreement also go to TensorBoard events
   * in {@code runs/NAME/} beside it.
   */
  public static Result run(Plan plan, TorchBrain brain, Path file, Consumer<String> progress) throws IOException {
    Examples ex = plan.examples();
    List<Graded> train = ex.make(false, plan.examplesCount(), plan.seed());
    List<Graded> held = ex.make(true, plan.heldOutCount(), Seeds.derive(plan.seed(), "evaluator-held-out"));
    List<Graded> yes = train.stream().filter(Graded::yes).toList();
    List<Graded> no = train.stream().filter(g -> !g.yes()).toList();
    progress.accept(String.format(Locale.ROOT, "train evaluator · %s · \"%s\" · %d training answers (%d yes) · %d"
        + " held out · batch %d · lr %.1e · %.1f min · %d parameters", ex.world(), ex.question(), train.size(),
        yes.size(), held.size(), plan.batch(), plan.lr(), plan.minutes(), brain.parameterCount()));
    long start = System.nanoTime();
    try (EventFile board = file == null ? null : new EventFile(CsvBoard.runBeside(file), 0)) {
      int it = loop(plan, brain, yes, no, held, start, progress, board);
      double[] p = BrainJudge.of(brain).yes(held.stream().map(Graded::asked).toList());
      Agreement a = Agreement.of(verdicts(held), p);
      Result r = finish(plan, brain, file, progress, held, p, a, it, start);
      if (board != null) { // the held-out agreement at the last step, for TensorBoard
        long now = System.currentTimeMillis();
        board.scalar("accuracy", it, a.accuracy(), now);
        board.scalar("precision_yes", it, a.precisionYes(), now);
        board.scalar("recall_yes", it, a.recallYes(), now);
        board.scalar("majority", it, a.majority(), now);
        progress.accept("tensorboard: " + board.path().getParent().getParent());
      }
      return r;
    }
  }

  private static Result finish(Plan plan, TorchBrain brain, Path file, Consumer<String> progress, List<Graded> held,
      double[] p, Agreement a, int it, long start) throws IOException {
    Examples ex = plan.examples();
    progress.accept(String.format(Locale.ROOT, "iters: %d · seconds: %.0f", it, seconds(start)));
    progress.accept("agreement by kind: " + byKind(held, p));
    progress.accept(a.toString());
    if (file != null) {
      brain.setTrainedFor(JudgeText.trainedFor(ex.world()));
      brain.save(file);
      progress.accept("brain: " + file);
    }
    return new Result(it, seconds(start), a);
  }

  /** Steps until the step or time budget is spent, evaluating now and then; returns the steps taken. */
  private static int loop(Plan plan, TorchBrain brain, List<Graded> yes, List<Graded> no, List<Graded> held,
      long start, Consumer<String> progress, EventFile board) {
    double budget = plan.minutes() * 60;
    SplittableRandom rng = Seeds.random(plan.seed(), "evaluator-batches", 0);
    JudgeTrainer trainer = new JudgeTrainer(brain, 1.0);
    Schedule schedule = Schedule.cosine(plan.lr(), WARMUP, 0);
    int it = 0;
    int evals = 1;
    double sum = 0;
    try (AdamW opt = brain.update(w -> new AdamW(w, 0.9, 0.99, 1e-8, 0.1))) {
      for (; it < plan.iters(); it++) {
        double done = Math.max((double) it / plan.iters(), seconds(start) / budget);
        if (done >= 1) {
          break;
        }
        if (done * EVALS >= evals) {
          evals++;
          progress.accept(String.format(Locale.ROOT, "eval %d · %s", it, agreement(brain, held)));
        }
        List<Graded> batch = draw(yes, no, plan.batch(), rng);
        float loss = trainer.step(opt, batch.stream().map(Graded::asked).toList(), verdicts(batch),
            schedule.at(it, done));
        if (!Float.isFinite(loss)) {
          throw new IllegalStateException("evaluator training diverged at step " + it + " (loss " + loss + "); lower --lr");
        }
        sum += loss;
        if ((it + 1) % LOG_EVERY == 0) {
          progress.accept(String.format(Locale.ROOT, "iter %d · loss %.4f · %.1f s", it + 1, sum / LOG_EVERY,
              seconds(start)));
          if (board != null) {
            board.scalar("loss", it + 1, sum / LOG_EVERY, System.currentTimeMillis());
          }
          sum = 0;
        }
      }
    }
    return it;
  }

  /** The agreement of {@code brain}, read as an evaluator, with the grader on {@code graded}. */
  public static Agreement agreement(TorchBrain brain, List<Graded> graded) {
    return Agreement.of(verdicts(graded), BrainJudge.of(brain).yes(graded.stream().map(Graded::asked).toList()));
  }

  /** {@code kind=agreement (yes share)} for each kind of answer, e.g. {@code clean=0.950 (1.00)}. */
  static String byKind(List<Graded> graded, double[] p) {
    java.util.Map<String, int[]> counts = new java.util.TreeMap<>(); // kind → agree, yes, n
    for (int i = 0; i < graded.size(); i++) {
      Graded g = graded.get(i);
      int[] c = counts.computeIfAbsent(g.kind(), k -> new int[3]);
      c[0] += (p[i] >= 0.5) == g.yes() ? 1 : 0;
      c[1] += g.yes() ? 1 : 0;
      c[2]++;
    }
    StringBuilder b = new StringBuilder();
    counts.forEach((kind, c) -> b.append(b.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%s=%.3f (%.2f)",
        kind, (double) c[0] / c[2], (double) c[1] / c[2])));
    return b.toString();
  }

  private static boolean[] verdicts(List<Graded> graded) {
    boolean[] truth = new boolean[graded.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = graded.get(i).yes();
    }
    return truth;
  }

  /** {@code n} answers, half yes and half no (all of one kind when the other has none). */
  static List<Graded> draw(List<Graded> yes, List<Graded> no, int n, SplittableRandom rng) {
    List<Graded> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Graded> from = yes.isEmpty() ? no : no.isEmpty() ? yes : i % 2 == 0 ? yes : no;
      out.add(from.get(rng.nextInt(from.size())));
    }
    return out;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
