package io.vivarium.worlds.soup;

import io.vivarium.core.AtomicFile;
import io.vivarium.core.Progress;
import io.vivarium.core.tb.CsvBoard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A soup run to a number of epochs with its records: a metrics line every {@code every} epochs,
 * the same numbers as rows of {@code OUT/soup.csv} and as TensorBoard scalars under
 * {@code OUT/runs/soup}, a checkpoint {@code OUT/soup.ckpt} every {@code checkpointEvery} epochs,
 * when asked to stop and at the end. What {@code vivarium soup} calls. Stateless.
 */
public final class SoupRun {
  /** The checkpoint's file name in the output directory. */
  public static final String CHECKPOINT = "soup.ckpt";
  /** The CSV's file name in the output directory. */
  public static final String CSV = "soup.csv";
  static final String HEADER =
      "epoch,entropy,compressed_bytes,bits_per_byte,high_order_entropy,ops_per_pair,ops_per_second,top_tape_count,replicators";

  private SoupRun() {}

  /**
   * What to run.
   *
   * @param epochs run until the soup has run this many epochs in all (a resumed soup continues)
   * @param every epochs between metrics lines, at least 1 (cubff prints every 64)
   * @param checkpointEvery epochs between checkpoints, at least 1
   * @param top frequent tapes tested for replication per metrics line, at least 0
   * @param out the output directory
   * @param stopAtEntropy stop early at the takeover by self-replicators: the first metrics line whose
   *     high-order entropy reaches this many bits per byte while one of the {@code top} most frequent
   *     tapes is a replicator (with {@code top} 0, the entropy alone); the epochs after it run several
   *     times slower. A jump of the entropy without a replicator (soups show such passing jumps, cubff's
   *     too) goes on. NaN runs all the epochs
   */
  public record Settings(long epochs, int every, int checkpointEvery, int top, Path out, double stopAtEntropy) {
    public Settings {
      if (epochs < 0 || every < 1 || checkpointEvery < 1 || top < 0) {
        throw new IllegalArgumentException("soup run needs epochs >= 0, every >= 1, checkpoint-every >= 1 and top >= 0; "
            + "got " + epochs + ", " + every + ", " + checkpointEvery + ", " + top);
      }
      if (!Double.isNaN(stopAtEntropy) && !(stopAtEntropy > 0 && stopAtEntropy <= 8)) {
        throw new IllegalArgumentException("the high-order entropy to stop at is in bits per byte, in (0, 8]; got "
            + stopAtEntropy + "; a young soup reads 0.1-0.3, a soup taken over by replicators 3-6: try 1.0");
      }
    }

    /** Settings that run all the epochs. */
    public Settings(long epochs, int every, int checkpointEvery, int top, Path out) {
      this(epochs, every, checkpointEvery, top, out, Double.NaN);
    }
  }

  /**
   * How a run went.
   *
   * @param epochs epochs run by this call
   * @param seconds its wall time
   * @param last the last metrics (null when no epoch ran)
   * @param timing where the soup's time went (see {@link Soup#timing()})
   * @param metricsNanos wall time spent measuring (entropy, compression, top tapes, replicators)
   * @param stopped whether it was stopped (Ctrl-C) before reaching {@link Settings#epochs()}
   * @param reachedEntropy whether it ended early at the takeover: the high-order entropy reached
   *     {@link Settings#stopAtEntropy()} with a replicator among the most frequent tapes
   */
  public record Summary(long epochs, double seconds, SoupMetrics last, Soup.Timing timing, long metricsNanos,
      boolean stopped, boolean reachedEntropy) {
    /** Epochs per second of wall time, metrics included (as cubff's wall time includes its prints). */
    public double epochsPerSecond() {
      return seconds <= 0 ? 0 : epochs / seconds;
    }
  }

  /**
   * Runs {@code soup} to {@code settings.epochs()}; {@code lines} gets each metrics line;
   * {@code stop} is polled after every epoch (Ctrl-C), and a stop writes a checkpoint first.
   */
  public static Summary run(Soup soup, Settings settings, Compressor compressor, Consumer<String> lines,
      Progress.Tracker tracker, BooleanSupplier stop) throws IOException, InterruptedException {
    Files.createDirectories(settings.out());
    Path csv = settings.out().resolve(CSV);
    keepRowsUpTo(csv, soup.epoch());
    long start = System.nanoTime();
    long startEpoch = soup.epoch();
    long ops = 0;
    long pairs = 0;
    long since = System.nanoTime();
    long metricsNanos = 0;
    SoupMetrics last = null;
    boolean stopped = false;
    boolean reached = false;
    try (CsvBoard board = new CsvBoard(settings.out().resolve("runs").resolve("soup"), HEADER, "epoch");
        Progress progress = tracker.start("soup", settings.epochs(), "epochs")) {
      progress.advanceTo(soup.epoch());
      while (soup.epoch() < settings.epochs()) {
        if (stop.getAsBoolean()) {
          stopped = true;
          break;
        }
        ops += soup.step();
        pairs += soup.options().size() / 2;
        long e = soup.epoch();
        if (e % settings.every() == 0 || e == settings.epochs()) {
          long t0 = System.nanoTime();
          Measured m = measure(soup, compressor, settings.top(), ops, pairs, t0 - since);
          last = m.metrics();
          appendRow(csv, m.row());
          board.row(m.row());
          lines.accept(m.line());
          progress.note(String.format(Locale.ROOT, "high-order entropy %.4f", last.highOrderEntropy()));
          ops = 0;
          pairs = 0;
          since = System.nanoTime();
          metricsNanos += since - t0;
          reached = last.highOrderEntropy() >= settings.stopAtEntropy() // false for NaN
              && (settings.top() == 0 || m.replicators() > 0);
        }
        if (e % settings.checkpointEvery() == 0) {
          SoupCheckpoint.write(settings.out().resolve(CHECKPOINT), soup);
        }
        progress.advanceTo(e);
        if (reached) {
          break;
        }
      }
      SoupCheckpoint.write(settings.out().resolve(CHECKPOINT), soup);
    }
    return new Summary(soup.epoch() - startEpoch, (System.nanoTime() - start) / 1e9, last, soup.timing(),
        metricsNanos, stopped, reached);
  }

  private record Measured(SoupMetrics metrics, int replicators, String row, String line) {}

  private static Measured measure(Soup soup, Compressor compressor, int top, long ops, long pairs, long nanos) {
    SoupMetrics m = SoupMetrics.of(soup.epoch(), soup.bytes(), compressor, ops, pairs, nanos);
    List<TopTapes.Entry> tapes = TopTapes.of(soup.bytes(), top);
    SoupRandom random = new SoupRandom(soup.options().seed());
    int replicators = 0;
    for (TopTapes.Entry t : tapes) {
      long seed = SelfRep.localSeed(random, soup.epoch(), soup.options().size(), t.firstIndex());
      replicators += SelfRep.isReplicator(t.tape(), seed) ? 1 : 0;
    }
    int topCount = tapes.isEmpty() ? 0 : tapes.get(0).count();
    String row = String.format(Locale.ROOT, "%d,%.6f,%d,%.6f,%.6f,%.3f,%.0f,%d,%d", m.epoch(), m.entropy(),
        m.compressedBytes(), m.bitsPerByte(), m.highOrderEntropy(), m.opsPerPair(), m.opsPerSecond(), topCount,
        replicators);
    String line = String.format(Locale.ROOT,
        "epoch %d  H0 %.4f  %s %d (%.4f bpb)  high_order_entropy %.6f  ops/pair %.2f  Mops/s %.1f  replicators %d/%d%s",
        m.epoch(), m.entropy(), compressor.name(), m.compressedBytes(), m.bitsPerByte(), m.highOrderEntropy(),
        m.opsPerPair(), m.opsPerSecond() / 1e6, replicators, tapes.size(),
        tapes.isEmpty() ? "" : "  top " + counts(tapes) + " " + tapes.get(0).text());
    return new Measured(m, replicators, row, line);
  }

  /** The frequent tapes' counts, e.g. {@code 812x/40x/3x}. */
  private static String counts(List<TopTapes.Entry> tapes) {
    StringBuilder sb = new StringBuilder();
    for (TopTapes.Entry t : tapes) {
      sb.append(sb.isEmpty() ? "" : "/").append(t.count()).append('x');
    }
    return sb.toString();
  }

  private static void appendRow(Path csv, String row) throws IOException {
    boolean fresh = !Files.exists(csv);
    Files.writeString(csv, (fresh ? HEADER + "\n" : "") + row + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** On a resume: drops the rows past the checkpoint's epoch (written after it by a run that crashed). */
  private static void keepRowsUpTo(Path csv, long epoch) throws IOException {
    if (!Files.exists(csv)) {
      return;
    }
    List<String> keep = new ArrayList<>();
    for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
      int comma = line.indexOf(',');
      boolean header = line.startsWith("epoch,");
      if (header || (comma > 0 && line.substring(0, comma).matches("\\d+")
          && Long.parseLong(line.substring(0, comma)) <= epoch)) {
        keep.add(line);
      }
    }
    if (epoch == 0 || keep.size() <= 1) {
      Files.delete(csv); // the first row writes the header again
      return;
    }
    AtomicFile.write(csv, (String.join("\n", keep) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
