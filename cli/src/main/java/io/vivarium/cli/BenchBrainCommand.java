package io.vivarium.cli;

import io.vivarium.bench.brain.BrainLmBench;
import io.vivarium.bench.brain.GenerateBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vivarium bench brain}: nanoGPT's CPU language-model run, ms/iteration and tokens/s;
 * with {@code --generate}, sampling speed with and without the key/value cache.
 */
@Command(name = "brain", mixinStandardHelpOptions = true,
    description = {"Train the nanogpt-cpu brain as nanoGPT's CPU run does (batch 12, block 64,"
        + " lr 1e-3) and print val_loss, ms_per_iter, tokens_per_second, mfu_percent and memory;"
        + " with --generate, print generate_bytes_per_second_cached/uncached per brain preset"
        + " (batch 8, 64 bytes after a ~64-token prompt, A B A B rounds)."})
final class BenchBrainCommand extends VivariumCommand {
  @Option(names = "--corpus", paramLabel = "FILE",
      description = "Text corpus, e.g. tinyshakespeare.txt (not shipped); needed unless --generate.")
  Path corpus;

  @Option(names = "--generate",
      description = "Measure sampling (cached against uncached) instead of training.")
  boolean generate;

  @Option(names = "--brains", paramLabel = "P,P", split = ",", defaultValue = "tiny,small",
      description = "Brain presets for --generate (default: ${DEFAULT-VALUE}).")
  List<String> brains;

  @Option(names = "--rounds", paramLabel = "N",
      description = "A B rounds for --generate (default: ${DEFAULT-VALUE}).")
  int rounds = 3;

  @Option(names = "--iters", paramLabel = "N", description = "Iterations (default: ${DEFAULT-VALUE}).")
  int iters = 2000;

  @Option(names = "--threads", paramLabel = "T", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--precision", paramLabel = "P",
      description = "Precision of the training forward pass (brain.precision: auto, fp32, bf16; default: ${DEFAULT-VALUE}).")
  String precision = "auto";

  @Option(names = "--peak-gflops", paramLabel = "X",
      description = "Peak GFLOP/s for the utilisation figure; 0 measures it with the FMA probe, one core per"
          + " thread (default: ${DEFAULT-VALUE}).")
  double peak = 0;

  @Override
  public Integer call() throws Exception {
    if (generate) {
      GenerateBench.run(brains, rounds, threads, out());
      out().flush();
      return 0;
    }
    if (corpus == null) {
      throw new IllegalArgumentException(
          "bench brain needs --corpus FILE (a text corpus) or --generate; got neither");
    }
    if (!Files.isRegularFile(corpus)) {
      throw new IllegalArgumentException("--corpus " + corpus + " is not a file; pass a text corpus");
    }
    if (iters < 1 || threads < 1) {
      throw new IllegalArgumentException("--iters and --threads must be at least 1; got " + iters + " and " + threads);
    }
    BrainLmBench.run(corpus, iters, threads, peak, precision, out(), progress());
    out().flush();
    return 0;
  }
}
