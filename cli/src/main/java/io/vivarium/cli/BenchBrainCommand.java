package io.vivarium.cli;

import io.vivarium.bench.brain.BrainLmBench;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench brain}: nanoGPT's CPU language-model run, ms/iteration and tokens/s. */
@Command(name = "brain", mixinStandardHelpOptions = true,
    description = {"Train the nanogpt-cpu brain as nanoGPT's CPU run does (batch 12, block 64,",
        "lr 1e-3) and print val_loss, ms_per_iter, tokens_per_second, mfu_percent and memory."})
final class BenchBrainCommand extends VivariumCommand {
  @Option(names = "--corpus", paramLabel = "FILE", required = true,
      description = "Text corpus, e.g. tinyshakespeare.txt (not shipped).")
  Path corpus;

  @Option(names = "--iters", paramLabel = "N", description = "Iterations (default: ${DEFAULT-VALUE}).")
  int iters = 2000;

  @Option(names = "--threads", paramLabel = "T", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--peak-gflops", paramLabel = "X",
      description = "Peak GFLOP/s for the utilisation figure (default: ${DEFAULT-VALUE}).")
  double peak = 428;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(corpus)) {
      throw new IllegalArgumentException("--corpus " + corpus + " is not a file; pass a text corpus");
    }
    if (iters < 1 || threads < 1) {
      throw new IllegalArgumentException("--iters and --threads must be at least 1; got " + iters + " and " + threads);
    }
    BrainLmBench.run(corpus, iters, threads, peak, out());
    out().flush();
    return 0;
  }
}
