package io.vivarium.lab.lm;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.learn.Schedule;
import io.vivarium.brain.learn.LmCorpus;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.brain.learn.LmTrainer;
import io.vivarium.core.Seeds;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a brain as a byte language model until an iteration or wall-clock budget is spent:
 * batches of {@code options.batch() × options.block()} bytes drawn from stream {@code stream}
 * of the options' seed, AdamW (β = 0.9, 0.99, weight decay 0.1), a linear warm-up of
 * {@value #WARMUP} iterations, then cosine decay to lr/10 over the spent share of the budget
 * (iterations or time, whichever is further along). Every {@value #LOG_EVERY} iterations one
 * progress line {@code iter N · loss X · lr Y · S s} goes to the caller.
 *
 * <p>Stateless; a call trains one brain on the caller's thread.
 */
public final class TimedLmTraining {
  private static final int WARMUP = 30;
  private static final int LOG_EVERY = 25;

  /**
   * What a run did.
   *
   * @param iters iterations done
   * @param seconds wall-clock seconds of training and the final evaluation
   * @param loss mean training loss of the final evaluation (nats per byte)
   * @param valLoss mean held-out loss of the final evaluation (nats per byte)
   */
  public record Result(int iters, double seconds, float loss, float valLoss) {}

  private TimedLmTraining() {}

  /**
   * Trains {@code brain} on {@code text} with {@code options} (iterations, batch, block, lr,
   * seed) for at most {@code minutes}, then evaluates it; progress lines go to {@code progress}.
   */
  public static Result train(TorchBrain brain, LmCorpus text, LmOptions options, double minutes, String stream,
      Consumer<String> progress) {
    if (!(minutes > 0)) {
      throw new IllegalArgumentException("the training budget must be positive minutes; got " + minutes);
    }
    LmTrainer trainer = new LmTrainer(brain, text, options);
    long start = System.nanoTime();
    int done = loop(trainer, brain, text, options, minutes * 60, Seeds.random(options.seed(), stream, 0), start,
        progress);
    float[] eval = trainer.evaluate();
    return new Result(done, (System.nanoTime() - start) / 1e9, eval[0], eval[1]);
  }

  /** Steps until the iteration or time budget is spent; returns the iterations done. */
  private static int loop(LmTrainer trainer, TorchBrain brain, LmCorpus text, LmOptions o, double budget,
      SplittableRandom rng, long start, Consumer<String> progress) {
    long[] x = new long[o.batch() * o.block()]; // (B, T)
    long[] y = new long[o.batch() * o.block()]; // (B, T)
    double sum = 0;
    int it = 0;
    try (AdamW opt = brain.update(w -> new AdamW(w, 0.9, 0.99, 1e-8, 0.1))) {
      for (; it < o.iters(); it++) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (elapsed >= budget) {
          break;
        }
        double rate = lrAt(o.lr(), it, Math.max((double) it / o.iters(), elapsed / budget));
        text.batch(rng, o.batch(), o.block(), false, x, y);
        float loss = trainer.step(opt, x, y, rate);
        if (!Float.isFinite(loss)) {
          throw new IllegalStateException("training diverged at iteration " + it + " (loss " + loss + "); lower --lr");
        }
        sum += loss;
        if ((it + 1) % LOG_EVERY == 0) {
          progress.accept(String.format(Locale.ROOT, "iter %d · loss %.4f · lr %.2e · %.1f s", it + 1, sum / LOG_EVERY,
              rate, (System.nanoTime() - start) / 1e9));
          sum = 0;
        }
      }
    }
    return it;
  }

  /** Linear warm-up, then cosine decay to lr/10 over the spent share {@code done} of the budget. */
  static double lrAt(double lr, int it, double done) {
    return Schedule.cosine(lr, WARMUP, 0).at(it, done);
  }
}
