package io.vivarium.bench.brain;

import io.vivarium.bench.Proc;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.brain.learn.LmTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Side-by-side with nanoGPT's documented CPU run: trains the {@code nanogpt-cpu} preset
 * (4 layers, 4 heads, 128 dims, block 64) with batch 12, lr 1e-3, dropout 0 for 2000 iterations
 * on a corpus, then prints the trainer's lines plus model FLOP utilisation, resident memory
 * (peak, after warm-up and at the end, for leak checks) and the machine load.
 *
 * <p>Usage: {@code BrainLmBench CORPUS [iters] [threads] [peak GFLOP/s; 0 = the FMA probe's, one core
 * per thread] [precision: auto, fp32, bf16]}; also
 * {@code vivarium bench brain}. Not thread-safe; a command-line tool.
 */
public final class BrainLmBench {
  private BrainLmBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: BrainLmBench CORPUS [iters=2000] [threads=1] [peakGflops=0: measured]"
          + " [precision=auto]");
      System.exit(2);
    }
    int iters = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    double peak = args.length > 3 ? Double.parseDouble(args[3]) : 0;
    String precision = args.length > 4 ? args[4] : "auto";
    run(Path.of(args[0]), iters, threads, peak, precision, new PrintWriter(System.out, true));
  }

  /** Runs the benchmark and prints {@code key: value} lines to {@code out}. */
  public static void run(Path corpus, int iters, int threads, double peak, String precision,
      PrintWriter out) throws IOException {
    run(corpus, iters, threads, peak, precision, out, io.vivarium.core.Progress.Tracker.NONE);
  }

  /** {@link #run(Path, int, int, double, String, PrintWriter)}, the training's iterations reported to {@code progress}. */
  public static void run(Path corpus, int iters, int threads, double peak, String precision,
      PrintWriter out, io.vivarium.core.Progress.Tracker progress) throws IOException {
    io.vivarium.brain.Autograd.bf16(io.vivarium.brain.Torch.bf16(precision));
    BrainShape shape = BrainShape.preset("nanogpt-cpu");
    LmOptions o = LmOptions.defaults(shape).with(iters, 12, 64, 1e-3).with(1337, threads, null)
        .withIntervals(250, 20, 10);
    out.printf(Locale.ROOT, "load_before: %s%n", Proc.load());
    if (peak <= 0) { // measured here: the cores the trainer's threads use, at their FMA peak
      io.vivarium.bench.Peak.Result measured = io.vivarium.bench.Peak.measure();
      measured.print(out);
      peak = measured.perCore() * threads;
    }
    out.printf(Locale.ROOT, "peak_gflops_for_mfu: %.1f%n", peak);
    LmTrainer.Result r;
    String rss;
    try (Proc.RssSampler sampler = new Proc.RssSampler(1000)) {
      r = LmTrainer.run(corpus, o, out, progress);
      rss = sampler.report();
    }
    double flops = shape.flopsPerToken(o.block()) * r.tokensPerSecond();
    out.printf(Locale.ROOT, "threads: %d%n", threads);
    out.printf(Locale.ROOT, "precision: %s%n", io.vivarium.brain.Autograd.precision());
    out.printf(Locale.ROOT, "achieved_gflops: %.1f%n", flops / 1e9);
    out.printf(Locale.ROOT, "mfu_percent: %.2f%n", 100 * flops / (peak * 1e9));
    out.printf(Locale.ROOT, "peak_rss_mb: %d%n", Proc.peakRssMb());
    out.print(rss);
    out.printf(Locale.ROOT, "load_after: %s%n", Proc.load());
    out.flush();
  }
}
