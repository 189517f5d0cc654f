package io.vivarium.cli;

import io.vivarium.lab.soup.SoupSession;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium soup}: the BFF primordial soup as cubff runs it ({@link SoupSession}, docs/soup.md). */
@Command(name = "soup", mixinStandardHelpOptions = true,
    subcommands = {SoupImportCommand.class, SoupExportCommand.class}, // the bridge to the colony (soup view helper)
    description = {"Run the BFF primordial soup (cubff's bff_noheads): random 64-byte tapes paired, run and "
        + "mutated each epoch until self-replicators take over.",
        "Prints a metrics line every K epochs, writes DIR/soup.csv, TensorBoard scalars in DIR/runs/soup and "
            + "checkpoints DIR/soup.ckpt (every M epochs and at Ctrl-C); ends with epochs_per_second and "
            + "high_order_entropy."})
final class SoupCommand extends VivariumCommand {
  @Option(names = "--size", paramLabel = "N", description = "Tapes in the soup, even (default: 131072, cubff's).")
  Integer size;

  @Option(names = "--epochs", paramLabel = "E", defaultValue = "256",
      description = "Run until the soup has run E epochs in all (default: ${DEFAULT-VALUE}).")
  long epochs;

  @Option(names = "--seed", paramLabel = "S", description = "Root seed (default: 0, cubff's).")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Threads running the pairs (default: the cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: DATA/soup).")
  Path out;

  @Option(names = "--resume", description = "Continue the soup checkpointed in DIR.")
  boolean resume;

  @Option(names = "--every", paramLabel = "K", defaultValue = "64",
      description = "Epochs between metrics lines (default: ${DEFAULT-VALUE}, cubff's).")
  int every;

  @Option(names = "--checkpoint-every", paramLabel = "M", defaultValue = "256",
      description = "Epochs between checkpoints (default: ${DEFAULT-VALUE}).")
  int checkpointEvery;

  @Option(names = "--top", paramLabel = "K", defaultValue = "4",
      description = "Most frequent tapes tested for self-replication per metrics line (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--mutation", paramLabel = "P", description = "Mutation probability per byte and epoch "
      + "(default: 1/4096, cubff's).")
  Double mutation;

  @Option(names = "--zero-init", description = "Start from all-zero tapes (cubff's --zero_init).")
  boolean zeroInit;

  @Option(names = "--stop-at-entropy", paramLabel = "H", description = "End early at the takeover by "
      + "self-replicators: high-order entropy >= H bits per byte with a replicator among the --top tapes (e.g. 1.0).")
  Double stopAtEntropy;

  @Option(names = "--engine", paramLabel = "E", defaultValue = "best",
      description = "Pair engine: best (= fast), fast or reference (default: ${DEFAULT-VALUE}).")
  String engine;

  @Override
  public Integer call() throws Exception {
    Path dir = out != null ? out : dataDir().resolve("soup");
    SoupSession.Request request = new SoupSession.Request(size, epochs, seed, threads, dir, resume, every,
        checkpointEvery, top, mutation, zeroInit, engine, stopAtEntropy);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        finished.await(30, TimeUnit.SECONDS); // the run checkpoints, then releases the latch
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vivarium-soup-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      SoupSession.run(request, line -> {
        out().println(line);
        out().flush();
      }, progress(), stop::get);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook is running and waits for the latch released above
      }
    }
    return 0;
  }
}
