package io.vivarium.brain.learn;

import io.vivarium.brain.BrainShape;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a language-model training run; {@link #defaults} follows nanoGPT's
 * character-level Shakespeare recipe (AdamW β = (0.9, 0.99), weight decay 0.1, 100 warm-up
 * iterations, cosine decay to lr/10, gradient clipping at 1).
 *
 * @param shape the brain's dimensions (dropout included)
 * @param iters training iterations
 * @param batch sequences per iteration B
 * @param block tokens per sequence T (at most the shape's block)
 * @param lr peak learning rate
 * @param minLr learning rate at the end of the cosine decay
 * @param warmup linear warm-up iterations
 * @param weightDecay AdamW weight decay on matrices and embeddings
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param clip global gradient-norm limit, 0 = none
 * @param evalInterval iterations between held-out evaluations (and at the end)
 * @param evalIters batches per evaluation
 * @param logInterval iterations between progress lines
 * @param seed root seed for weights and batches
 * @param threads intra-op threads
 * @param out where to save the trained brain, or null
 * @param accumulate micro-batches per iteration (gradient accumulation): each of batch/accumulate
 *     sequences, back-propagated one after the other, so activations take 1/accumulate of the
 *     memory; the update equals the whole batch's
 */
public record LmOptions(
    BrainShape shape, int iters, int batch, int block, double lr, double minLr, int warmup,
    double weightDecay, double beta1, double beta2, double clip, int evalInterval,
    int evalIters, int logInterval, long seed, int threads, Path out, int accumulate) {

  public LmOptions {
    Objects.requireNonNull(shape, "shape");
    positive("--iters", iters);
    positive("--batch", batch);
    positive("--block", block);
    positive("eval interval", evalInterval);
    positive("eval iterations", evalIters);
    positive("log interval", logInterval);
    positive("threads", threads);
    positive("--accumulate", accumulate);
    if (batch % accumulate != 0) {
      throw new IllegalArgumentException("--batch must be a multiple of --accumulate; got batch "
          + batch + " with --accumulate " + accumulate + " (e.g. --batch "
          + (batch / accumulate + 1) * accumulate + ")");
    }
    if (block > shape.block()) {
      throw new IllegalArgumentException(
          "--block must be at most the brain's block " + shape.block() + "; got " + block
              + " (choose a larger preset or set brain.block)");
    }
    if (!(lr > 0 && lr <= 1) || !(minLr >= 0 && minLr <= lr)) {
      throw new IllegalArgumentException(
          "--lr must be in (0, 1] and the minimum learning rate in [0, lr]; got lr " + lr
              + ", min " + minLr);
    }
    if (warmup < 0 || clip < 0 || weightDecay < 0) {
      throw new IllegalArgumentException(
          "warm-up, clipping and weight decay must be >= 0; got " + warmup + ", " + clip + ", "
              + weightDecay);
    }
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be at least 1; got " + v);
    }
  }

  /** nanoGPT's Shakespeare-character settings for {@code shape}, 2000 iterations. */
  public static LmOptions defaults(BrainShape shape) {
    return new LmOptions(shape, 2000, 12, Math.min(64, shape.block()), 1e-3, 1e-4, 100, 0.1,
        0.9, 0.99, 1.0, 250, 20, 10, 1337, 1, null, 1);
  }

  /** These options with a run length, batch, block and learning rate (minimum lr = lr/10). */
  public LmOptions with(int iters, int batch, int block, double lr) {
    return new LmOptions(shape, iters, batch, block, lr, lr / 10, Math.min(warmup, iters / 10),
        weightDecay, beta1, beta2, clip, evalInterval, evalIters, logInterval, seed, threads,
        out, accumulate);
  }

  /** These options with a seed, thread count and output file. */
  public LmOptions with(long seed, int threads, Path out) {
    return new LmOptions(shape, iters, batch, block, lr, minLr, warmup, weightDecay, beta1,
        beta2, clip, evalInterval, evalIters, logInterval, seed, threads, out, accumulate);
  }

  /** These options with evaluation and logging intervals. */
  public LmOptions withIntervals(int evalInterval, int evalIters, int logInterval) {
    return new LmOptions(shape, iters, batch, block, lr, minLr, warmup, weightDecay, beta1,
        beta2, clip, evalInterval, evalIters, logInterval, seed, threads, out, accumulate);
  }

  /** These options with {@code micro} micro-batches per iteration (gradient accumulation). */
  public LmOptions withAccumulate(int micro) {
    return new LmOptions(shape, iters, batch, block, lr, minLr, warmup, weightDecay, beta1,
        beta2, clip, evalInterval, evalIters, logInterval, seed, threads, out, micro);
  }

  /** The learning rate at iteration {@code it}: linear warm-up, then cosine decay to minLr (the one {@link Schedule}). */
  public double lrAt(int it) {
    return new Schedule(lr, "cosine", warmup, iters, minLr / lr).at(it);
  }
}
