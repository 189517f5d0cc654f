package io.vivarium.brain.tutor;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The supervised loop of a tutorial: a fresh batch per step from a generator, AdamW with linear
 * warm-up and cosine decay to a tenth of the peak learning rate, and one {@link Point} (mean
 * loss since the last, score on a small probe set) every {@code every} steps and at the end.
 * Stateless; one call trains one tutor.
 */
public final class Tutorial {
  private Tutorial() {}

  /**
   * @param steps gradient steps
   * @param batch examples per step
   * @param lr peak learning rate
   * @param warmup steps of linear warm-up
   * @param every steps between progress points
   * @param clip global gradient-norm clip (0 = none)
   */
  public record Options(int steps, int batch, double lr, int warmup, int every, double clip) {
    public Options {
      if (steps < 1 || batch < 1 || warmup < 0 || every < 1 || !(lr > 0 && lr < 1) || !(clip >= 0)) {
        throw new IllegalArgumentException("a tutorial needs steps >= 1, batch >= 1, warmup >= 0, every >= 1, "
            + "0 < lr < 1 and clip >= 0; got steps " + steps + ", batch " + batch + ", warmup " + warmup
            + ", every " + every + ", lr " + lr + ", clip " + clip);
      }
    }

    /** Defaults for {@code steps} steps: batch 32, lr 1e-3, 50 warm-up steps, a point every 100, clip 1. */
    public static Options defaults(int steps) {
      return new Options(steps, 32, 1e-3, Math.min(50, steps / 10), 100, 1.0);
    }

    /** The learning rate at step {@code k}. */
    public double lrAt(int k) {
      return io.vivarium.brain.learn.Schedule.cosine(lr, warmup, Math.max(steps, warmup + 1)).at(k);
    }
  }

  /** One progress point: steps and examples so far, mean loss since the last point, probe score. */
  public record Point(int step, long examples, double loss, String metric, double score, double examplesPerSecond,
      double seconds) {
    /** The progress line for people. */
    public String line() {
      return String.format(Locale.ROOT, "step %d · examples %d · loss %.4f · %s %.3f · %.0f examples/s",
          step, examples, loss, metric, score, examplesPerSecond);
    }

    /** The CSV header matching {@link #csv()}. */
    public static String csvHeader() {
      return "step,examples,loss,metric,score,examples_per_second,seconds";
    }

    /** One CSV row. */
    public String csv() {
      return String.format(Locale.ROOT, "%d,%d,%.6f,%s,%.6f,%.1f,%.3f", step, examples, loss, metric, score,
          examplesPerSecond, seconds);
    }
  }

  /**
   * Trains with {@code tutor} on {@code batches.apply(k)} at step k (each of {@code o.batch()}
   * examples), reports to {@code each}; returns the last point.
   */
  public static <E> Point run(Tutor<E> tutor, IntFunction<List<E>> batches, List<E> probe, Options o,
      Consumer<Point> each) {
    long start = System.nanoTime();
    double lossSum = 0;
    int lossCount = 0;
    Point last = null;
    for (int k = 0; k < o.steps(); k++) {
      List<E> batch = batches.apply(k);
      if (batch.size() != o.batch()) {
        throw new IllegalStateException("the tutorial generator gave " + batch.size() + " examples for step " + k
            + "; expected " + o.batch());
      }
      float loss = tutor.step(batch, o.lrAt(k));
      if (!Float.isFinite(loss)) {
        throw new IllegalStateException("the tutorial diverged at step " + k + " (loss " + loss
            + ", learning rate " + o.lrAt(k) + "); lower --lr");
      }
      lossSum += loss;
      lossCount++;
      if ((k + 1) % o.every() == 0 || k == o.steps() - 1) {
        double seconds = (System.nanoTime() - start) / 1e9;
        long examples = (long) (k + 1) * o.batch();
        last = new Point(k + 1, examples, lossSum / lossCount, tutor.metric(), tutor.score(probe),
            examples / Math.max(seconds, 1e-9), seconds);
        each.accept(last);
        lossSum = 0;
        lossCount = 0;
      }
    }
    return last;
  }
}
