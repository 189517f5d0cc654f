package io.vivarium.cli;

import io.vivarium.worlds.soup.Bff;
import io.vivarium.worlds.soup.Compressor;
import io.vivarium.worlds.soup.PairEngine;
import io.vivarium.worlds.soup.Soup;
import io.vivarium.worlds.soup.SoupCheckpoint;
import io.vivarium.worlds.soup.SoupOptions;
import io.vivarium.worlds.soup.SoupRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium soup}: the BFF primordial soup as cubff runs it ({@link SoupRun}, docs/soup.md). */
@Command(name = "soup", mixinStandardHelpOptions = true,
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

  @Option(names = "--engine", paramLabel = "E", defaultValue = "best",
      description = "Pair engine: best or reference (default: ${DEFAULT-VALUE}).")
  String engine;

  @Override
  public Integer call() throws Exception {
    Path dir = out != null ? out : dataDir().resolve("soup");
    Path checkpoint = dir.resolve(SoupRun.CHECKPOINT);
    SoupRun.Settings settings = new SoupRun.Settings(epochs, every, checkpointEvery, top, dir);
    PairEngine pairs = engine();
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Compressor compressor = Compressor.best();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vivarium-soup-shutdown");
    try (Soup soup = open(checkpoint, t, pairs)) {
      out().printf(Locale.ROOT, "vivarium soup · %s at epoch %d · %d tapes · seed %d · %d threads · engine %s · %s · out %s%n",
          resume ? "resuming" : "starting", soup.epoch(), soup.options().size(), soup.options().seed(), t, pairs.name(),
          compressor.name(), dir.toAbsolutePath().normalize());
      out().flush();
      Runtime.getRuntime().addShutdownHook(hook);
      SoupRun.Summary s = SoupRun.run(soup, settings, compressor, line -> {
        out().println(line);
        out().flush();
      }, progress(), stop::get);
      report(s, soup, t, pairs, checkpoint);
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

  private PairEngine engine() {
    return switch (engine) {
      case "best" -> PairEngine.best();
      case "reference" -> Bff.reference();
      default -> throw new IllegalArgumentException("--engine must be best or reference; got '" + engine + "'");
    };
  }

  private Soup open(Path checkpoint, int t, PairEngine pairs) throws java.io.IOException {
    if (resume) {
      SoupCheckpoint.Loaded loaded = SoupCheckpoint.load(checkpoint);
      SoupOptions o = loaded.options();
      if ((size != null && size != o.size()) || (seed != null && seed != o.seed())) {
        throw new IllegalArgumentException("--resume continues the soup in " + checkpoint + " (" + o.size()
            + " tapes, seed " + o.seed() + "); drop --size/--seed or start a new soup in another --out");
      }
      return loaded.resume(pairs, t);
    }
    if (Files.exists(checkpoint)) {
      throw new IllegalArgumentException(checkpoint.getParent() + " already holds a soup (" + SoupRun.CHECKPOINT
          + "); add --resume to continue it, or give another --out");
    }
    int mutationProb = SoupOptions.DEFAULT_MUTATION;
    if (mutation != null) {
      if (!(mutation >= 0 && mutation <= 1)) {
        throw new IllegalArgumentException("--mutation must be a probability in [0, 1]; got " + mutation
            + "; cubff's default is 1/4096 = 0.000244140625");
      }
      mutationProb = (int) Math.round(mutation * SoupOptions.MUTATION_ONE);
    }
    SoupOptions o = new SoupOptions(size != null ? size : SoupOptions.DEFAULT_SIZE, seed != null ? seed : 0, t,
        mutationProb, zeroInit);
    return Soup.create(o, pairs);
  }

  private void report(SoupRun.Summary s, Soup soup, int t, PairEngine pairs, Path checkpoint) {
    if (s.stopped()) {
      out().printf("stopped at epoch %d; checkpointed. Resume with: vivarium soup --resume%s%n", soup.epoch(),
          out != null ? " --out " + out : "");
    }
    Soup.Timing tm = s.timing();
    out().printf(Locale.ROOT, "time: %.2f s for %d epochs — pairing %.2f s, mutation %.2f s, engine %.2f s, "
        + "metrics %.2f s (engine %s, %d threads)%n", s.seconds(), s.epochs(), tm.pairingNanos() / 1e9,
        tm.mutationNanos() / 1e9, tm.engineNanos() / 1e9, s.metricsNanos() / 1e9, pairs.name(), t);
    out().println("checkpoint: " + checkpoint.toAbsolutePath().normalize());
    out().printf(Locale.ROOT, "epochs_per_second: %.3f%n", s.epochsPerSecond());
    out().printf(Locale.ROOT, "high_order_entropy: %s%n",
        s.last() == null ? "n/a" : String.format(Locale.ROOT, "%.6f", s.last().highOrderEntropy()));
    out().flush();
  }
}
