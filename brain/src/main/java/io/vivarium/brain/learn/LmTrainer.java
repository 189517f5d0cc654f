package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.Torch;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.model.Weights;
import io.vivarium.core.Channel;
import io.vivarium.core.Progress;
import io.vivarium.core.Seeds;
import io.vivarium.core.tb.CsvBoard;
import io.vivarium.core.tb.EventFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Language-model pretraining: next-byte cross-entropy on random windows of a corpus, AdamW with
 * warm-up and cosine decay, gradient clipping, and held-out evaluation. What {@code vivarium
 * train lm} runs. A run that saves its brain also writes its curve ({@code loss},
 * {@code tokens_per_second}, {@code train_loss}, {@code val_loss} by iteration) as TensorBoard
 * events in {@code runs/NAME/} beside the brain file.
 *
 * <p>{@code cpu_ms_per_iter} is the training thread's CPU time per iteration: with one
 * intra-op thread PyTorch computes on the calling thread, so on a shared machine it estimates
 * the uncontended speed better than wall time does.
 *
 * <p>One trainer per run; not thread-safe. Backward passes record gradients
 * per thread ({@link Autograd}), so trainers of different brains may run at once.
 */
public final class LmTrainer {
  /** The outcome of a run. */
  public record Result(
      float trainLoss, float valLoss, double tokensPerSecond, double msPerIter,
      double cpuMsPerIter, long parameters) {}

  private final TorchBrain brain;
  private final LmCorpus corpus;
  private final LmOptions options;
  /** Where the curve goes for TensorBoard ({@code runs/NAME/} beside the saved brain); null when not saved. */
  private EventFile board;
  private final SplittableRandom batches;

  /** A trainer of {@code brain} on {@code corpus}. */
  public LmTrainer(TorchBrain brain, LmCorpus corpus, LmOptions options) {
    io.vivarium.brain.model.Transformer.oneTokenPerPosition(brain.shape());
    this.brain = brain;
    this.corpus = corpus;
    this.options = options;
    this.batches = Seeds.random(options.seed(), "lm-batches", 0);
  }

  /**
   * The whole command: reads the corpus, builds the brain, trains, prints progress and the
   * final {@code key: value} lines to {@code out}, saves the brain when asked.
   */
  public static Result run(java.nio.file.Path corpusFile, LmOptions o, PrintWriter out)
      throws IOException {
    return run(corpusFile, o, out, Progress.Tracker.NONE);
  }

  /** {@link #run(java.nio.file.Path, LmOptions, PrintWriter)}, reporting the iterations to {@code progress}. */
  public static Result run(java.nio.file.Path corpusFile, LmOptions o, PrintWriter out, Progress.Tracker progress)
      throws IOException {
    LmCorpus corpus = LmCorpus.read(corpusFile, o.block());
    Torch.start(o.threads(), null);
    Torch.seed(Seeds.derive(o.seed(), "torch"));
    try (TorchBrain brain = TorchBrain.create(o.shape(), Seeds.derive(o.seed(), "weights"))) {
      out.printf(Locale.ROOT,
          "config: %s, corpus %d bytes, seed %d, %d thread(s), batch %d in %d micro-batch(es), %s %s%n",
          o.shape().describe().replace('\n', ' ').trim(), corpus.size(), o.seed(), o.threads(),
          o.batch(), o.accumulate(), "libtorch", Torch.VERSION);
      out.printf(Locale.ROOT, "parameters: %d%n", brain.parameterCount());
      Result r;
      if (o.out() == null) {
        r = new LmTrainer(brain, corpus, o).train(out, progress);
      } else {
        try (EventFile board = new EventFile(CsvBoard.runBeside(o.out()), 0)) { // the curve for TensorBoard
          LmTrainer trainer = new LmTrainer(brain, corpus, o);
          trainer.board = board;
          r = trainer.train(out, progress);
          out.printf(Locale.ROOT, "tensorboard: %s%n", board.path().getParent().getParent());
        }
      }
      out.printf(Locale.ROOT, "train_loss: %.4f%n", r.trainLoss());
      out.printf(Locale.ROOT, "val_loss: %.4f%n", r.valLoss());
      out.printf(Locale.ROOT, "tokens_per_second: %.0f%n", r.tokensPerSecond());
      out.printf(Locale.ROOT, "ms_per_iter: %.2f%n", r.msPerIter());
      out.printf(Locale.ROOT, "cpu_ms_per_iter: %.2f%n", r.cpuMsPerIter());
      out.printf(Locale.ROOT, "parameters: %d%n", r.parameters());
      if (o.out() != null) {
        long start = System.nanoTime();
        brain.save(o.out());
        out.printf(Locale.ROOT, "saved: %s (%d bytes, %.1f s)%n", o.out(),
            java.nio.file.Files.size(o.out()), (System.nanoTime() - start) / 1e9);
      }
      out.printf(Locale.ROOT, "peak_rss_mb: %d%n", peakRssMb());
      return r;
    }
  }

  /** Two scalars at iteration {@code it} in the event file, when there is one. */
  private void board(long it, String tag, double value, String tag2, double value2) {
    if (board != null) {
      long now = System.currentTimeMillis();
      board.scalar(tag, it, value, now);
      board.scalar(tag2, it, value2, now);
    }
  }

  /** Trains for the configured iterations; evaluates every interval and at the end. */
  public Result train(PrintWriter out) {
    return train(out, Progress.Tracker.NONE);
  }

  /** {@link #train(PrintWriter)}, reporting each iteration to {@code progress}. */
  public Result train(PrintWriter out, Progress.Tracker progress) {
    int b = options.batch();
    int t = options.block();
    long[] x = new long[b * t];
    long[] y = new long[b * t];
    long nanos = 0;
    long cpuNanos = 0;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    float[] eval = {Float.NaN, Float.NaN};
    try (Progress bar = progress.start("train lm", options.iters(), "iterations");
        AdamW opt = brain.update(w -> new AdamW(w, options.beta1(), options.beta2(), 1e-8,
        options.weightDecay()))) {
      for (int it = 0; it < options.iters(); it++) {
        if (it > 0 && it % options.evalInterval() == 0) {
          eval = evaluate();
          out.printf(Locale.ROOT, "eval %d · train %.4f · val %.4f%n", it, eval[0], eval[1]);
          board(it, "train_loss", eval[0], "val_loss", eval[1]);
        }
        corpus.batch(batches, b, t, false, x, y);
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        float loss = step(opt, x, y, options.lrAt(it));
        nanos += System.nanoTime() - start;
        cpuNanos += cpu.getCurrentThreadCpuTime() - cpuStart;
        if (!Float.isFinite(loss)) {
          throw new IllegalStateException(
              "training diverged at iteration " + it + " (loss " + loss + ", learning rate "
                  + options.lrAt(it) + "); lower --lr or check the corpus");
        }
        bar.advance(1);
        if (it % options.logInterval() == 0 || it == options.iters() - 1) {
          bar.note(String.format(Locale.ROOT, "loss %.4f", loss));
          double ms = nanos / 1e6 / (it + 1);
          out.printf(Locale.ROOT, "iter %d · loss %.4f · %.0f tokens/s · %.2f ms/iter%n",
              it, loss, b * t / (ms / 1000), ms);
          board(it, "loss", loss, "tokens_per_second", b * t / (ms / 1000));
        }
      }
    }
    eval = evaluate();
    out.printf(Locale.ROOT, "eval %d · train %.4f · val %.4f%n", options.iters(), eval[0], eval[1]);
    board(options.iters(), "train_loss", eval[0], "val_loss", eval[1]);
    double msPerIter = nanos / 1e6 / options.iters();
    return new Result(eval[0], eval[1], b * t / (msPerIter / 1000), msPerIter,
        cpuNanos / 1e6 / options.iters(), brain.parameterCount());
  }

  /**
   * One optimisation step on the batch (x, y), both (B, T) row-major; returns the loss. With
   * {@code accumulate} N above 1 the batch runs as N micro-batches of B/N rows, back-propagated
   * one after the other ({@link Steps#accumulate}): the same update, 1/N of the activations.
   */
  public float step(AdamW opt, long[] x, long[] y, double lr) {
    int b = options.batch();
    int t = options.block();
    int micro = options.accumulate();
    if (micro == 1) {
      return Steps.minimize(brain, opt, lr, options.clip(), (w, m) -> {
        Batch batch = Batch.causal(m, x, b, t, Channel.TEXT.ordinal());
        return loss(w, batch, m.create(y, new Shape(b, t)), true);
      });
    }
    int rows = b / micro;
    return Steps.accumulate(brain, opt, lr, options.clip(), micro, (w, m, i) -> {
      long[] xi = java.util.Arrays.copyOfRange(x, i * rows * t, (i + 1) * rows * t); // (B/N, T)
      long[] yi = java.util.Arrays.copyOfRange(y, i * rows * t, (i + 1) * rows * t);
      Batch batch = Batch.causal(m, xi, rows, t, Channel.TEXT.ordinal());
      return loss(w, batch, m.create(yi, new Shape(rows, t)), true);
    });
  }

  /** Mean loss over {@code evalIters} batches of the training and of the held-out part. */
  public float[] evaluate() {
    SplittableRandom rng = Seeds.random(options.seed(), "lm-eval", 0);
    int b = options.batch();
    int t = options.block();
    long[] x = new long[b * t];
    long[] y = new long[b * t];
    float[] means = new float[2];
    for (int split = 0; split < 2; split++) {
      double sum = 0;
      for (int i = 0; i < options.evalIters(); i++) {
        corpus.batch(rng, b, t, split == 1, x, y);
        sum += brain.update(w -> {
          try (Arena m = w.arena().newChild()) {
            Autograd.off();
            Batch batch = Batch.causal(m, x, b, t, Channel.TEXT.ordinal());
            return loss(w, batch, m.create(y, new Shape(b, t)), false).getFloat();
          }
        });
      }
      means[split] = (float) (sum / options.evalIters());
    }
    return means;
  }

  /** The process's peak resident memory (VmHWM) in MB, or -1 where /proc is missing. */
  static long peakRssMb() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static Tensor loss(Weights w, Batch batch, Tensor targets, boolean training) {
    Tensor hidden = Transformer.hidden(w, batch, training); // (B, T, C)
    return Transformer.crossEntropy(Transformer.logits(w, hidden), targets, null);
  }
}
