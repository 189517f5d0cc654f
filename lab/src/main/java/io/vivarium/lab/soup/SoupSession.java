package io.vivarium.lab.soup;

import io.vivarium.core.Progress;
import io.vivarium.worlds.soup.Bff;
import io.vivarium.worlds.soup.BffFast;
import io.vivarium.worlds.soup.Compressor;
import io.vivarium.worlds.soup.PairEngine;
import io.vivarium.worlds.soup.Soup;
import io.vivarium.worlds.soup.SoupCheckpoint;
import io.vivarium.worlds.soup.SoupOptions;
import io.vivarium.worlds.soup.SoupRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One {@code vivarium soup}: a new soup or a resumed one run to its epochs, every line it reports
 * handed to the caller (the start line, the metrics lines, where the time went, and the result
 * lines {@code epochs_per_second: …} and {@code high_order_entropy: …}). Stateless.
 */
public final class SoupSession {
  private SoupSession() {}

  /**
   * What the person asked for; {@code null} means the default (or, on a resume, the checkpoint's).
   *
   * @param size tapes; default 2^17
   * @param seed root seed; default 0
   * @param threads threads; default the available processors
   * @param mutation probability per byte and epoch; default 1/4096
   * @param engine {@code best}, {@code fast} or {@code reference}
   * @param stopAtEntropy end early at the takeover: the high-order entropy reaches this (bits per
   *     byte) with a replicator among the {@code top} most frequent tapes; null runs all the epochs
   */
  public record Request(Integer size, long epochs, Long seed, Integer threads, Path out, boolean resume, int every,
      int checkpointEvery, int top, Double mutation, boolean zeroInit, String engine, Double stopAtEntropy) {
    public Request {
      if (out == null || engine == null) {
        throw new IllegalArgumentException("a soup request needs an output directory and an engine name");
      }
    }

    /** A request that runs all the epochs. */
    public Request(Integer size, long epochs, Long seed, Integer threads, Path out, boolean resume, int every,
        int checkpointEvery, int top, Double mutation, boolean zeroInit, String engine) {
      this(size, epochs, seed, threads, out, resume, every, checkpointEvery, top, mutation, zeroInit, engine, null);
    }
  }

  /** Runs {@code r}; {@code lines} gets every line to print; {@code stop} is polled each epoch (Ctrl-C). */
  public static void run(Request r, Consumer<String> lines, Progress.Tracker tracker, BooleanSupplier stop)
      throws IOException, InterruptedException {
    Path checkpoint = r.out().resolve(SoupRun.CHECKPOINT);
    SoupRun.Settings settings = new SoupRun.Settings(r.epochs(), r.every(), r.checkpointEvery(), r.top(), r.out(),
        r.stopAtEntropy() != null ? r.stopAtEntropy() : Double.NaN);
    PairEngine engine = engine(r.engine());
    int threads = r.threads() != null ? r.threads() : Runtime.getRuntime().availableProcessors();
    Compressor compressor = Compressor.best();
    try (Soup soup = open(r, checkpoint, threads, engine)) {
      lines.accept(String.format(Locale.ROOT,
          "vivarium soup · %s at epoch %d · %d tapes · seed %d · %d %s · engine %s · %s · out %s",
          r.resume() ? "resuming" : "starting", soup.epoch(), soup.options().size(), soup.options().seed(), threads,
          threads == 1 ? "thread" : "threads", engine.name(), compressor.name(), r.out().toAbsolutePath().normalize()));
      SoupRun.Summary s = SoupRun.run(soup, settings, compressor, lines, tracker, stop);
      if (s.reachedEntropy()) {
        lines.accept(String.format(Locale.ROOT, "high-order entropy %.4f reached %s at epoch %d%s; stopped and "
            + "checkpointed. Continue with: vivarium soup --resume --out %s --epochs %d", s.last().highOrderEntropy(),
            r.stopAtEntropy(), soup.epoch(), r.top() > 0 ? " with self-replicators among the most frequent tapes" : "",
            r.out(), r.epochs()));
      }
      if (s.stopped()) {
        lines.accept("stopped at epoch " + soup.epoch() + "; checkpointed. Resume with: vivarium soup --resume --out "
            + r.out());
      }
      Soup.Timing tm = s.timing();
      lines.accept(String.format(Locale.ROOT, "time: %.2f s for %d epochs — pairing %.2f s, mutation %.2f s, "
          + "engine %.2f s, metrics %.2f s (engine %s, %d %s)", s.seconds(), s.epochs(), tm.pairingNanos() / 1e9,
          tm.mutationNanos() / 1e9, tm.engineNanos() / 1e9, s.metricsNanos() / 1e9, engine.name(), threads,
          threads == 1 ? "thread" : "threads"));
      lines.accept("checkpoint: " + checkpoint.toAbsolutePath().normalize());
      lines.accept(String.format(Locale.ROOT, "epochs_per_second: %.3f", s.epochsPerSecond()));
      lines.accept("high_order_entropy: " + (s.last() == null ? "n/a"
          : String.format(Locale.ROOT, "%.6f", s.last().highOrderEntropy())));
    }
  }

  private static PairEngine engine(String name) {
    return switch (name) {
      case "best" -> PairEngine.best();
      case "fast" -> new BffFast();
      case "reference" -> Bff.reference();
      default -> throw new IllegalArgumentException("--engine must be best, fast or reference; got '" + name + "'");
    };
  }

  private static Soup open(Request r, Path checkpoint, int threads, PairEngine engine) throws IOException {
    if (r.resume()) {
      SoupCheckpoint.Loaded loaded = SoupCheckpoint.load(checkpoint);
      SoupOptions o = loaded.options();
      if ((r.size() != null && r.size() != o.size()) || (r.seed() != null && r.seed() != o.seed())) {
        throw new IllegalArgumentException("--resume continues the soup in " + checkpoint + " (" + o.size()
            + " tapes, seed " + o.seed() + "); drop --size/--seed or start a new soup in another --out");
      }
      return loaded.resume(engine, threads);
    }
    if (Files.exists(checkpoint)) {
      throw new IllegalArgumentException(r.out() + " already holds a soup (" + SoupRun.CHECKPOINT
          + "); add --resume to continue it, or give another --out");
    }
    int mutationProb = SoupOptions.DEFAULT_MUTATION;
    if (r.mutation() != null) {
      if (!(r.mutation() >= 0 && r.mutation() <= 1)) {
        throw new IllegalArgumentException("--mutation must be a probability in [0, 1]; got " + r.mutation()
            + "; cubff's default is 1/4096 = 0.000244140625");
      }
      mutationProb = (int) Math.round(r.mutation() * SoupOptions.MUTATION_ONE);
    }
    SoupOptions o = new SoupOptions(r.size() != null ? r.size() : SoupOptions.DEFAULT_SIZE,
        r.seed() != null ? r.seed() : 0, threads, mutationProb, r.zeroInit());
    return Soup.create(o, engine);
  }
}
