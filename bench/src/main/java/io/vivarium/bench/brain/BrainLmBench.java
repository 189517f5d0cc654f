package io.vivarium.bench.brain;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.brain.learn.LmTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Side-by-side with nanoGPT's documented CPU run: trains the {@code nanogpt-cpu} preset
 * (4 layers, 4 heads, 128 dims, block 64) with batch 12, lr 1e-3, dropout 0 for 2000 iterations
 * on a corpus, then prints the trainer's lines plus model FLOP utilisation, peak resident memory
 * and the machine load.
 *
 * <p>Usage: {@code BrainLmBench CORPUS [iters] [threads] [peak GFLOP/s]}. Not thread-safe; a
 * command-line tool.
 */
public final class BrainLmBench {
  private BrainLmBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: BrainLmBench CORPUS [iters=2000] [threads=1] [peakGflops=428]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    int iters = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    double peak = args.length > 3 ? Double.parseDouble(args[3]) : 428;
    BrainShape shape = BrainShape.preset("nanogpt-cpu");
    LmOptions o = LmOptions.defaults(shape).with(iters, 12, 64, 1e-3).with(1337, threads, null)
        .withIntervals(250, 20, 10);
    System.out.printf(Locale.ROOT, "load_before: %s%n", load());
    LmTrainer.Result r = LmTrainer.run(corpus, o, new PrintWriter(System.out, true));
    double flops = shape.flopsPerToken(o.block()) * r.tokensPerSecond();
    System.out.printf(Locale.ROOT, "threads: %d%n", threads);
    System.out.printf(Locale.ROOT, "achieved_gflops: %.1f%n", flops / 1e9);
    System.out.printf(Locale.ROOT, "mfu_percent: %.2f%n", 100 * flops / (peak * 1e9));
    System.out.printf(Locale.ROOT, "peak_rss_mb: %d%n", peakRssKb() / 1024);
    System.out.printf(Locale.ROOT, "load_after: %s%n", load());
  }

  private static long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static String load() throws IOException {
    Path p = Path.of("/proc/loadavg");
    return Files.exists(p) ? Files.readString(p).trim() : "unknown";
  }
}
