package io.vivarium.cli;

import io.vivarium.core.Progress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How the {@code vivarium} command shows {@link Progress}, always on standard error so that
 * standard output keeps only the results: on a terminal a bar redrawn in place (me.tongfei's
 * progressbar, as wide as the terminal, which JLine measures) with count, total, percentage,
 * elapsed time and ETA; otherwise plain lines, one per tenth of the work (and at least one a
 * minute), each with the count, the total and the ETA. {@code VIVARIUM_PROGRESS=plain} forces
 * the lines, {@code =off} shows nothing.
 */
final class Bars implements Progress.Tracker {
  /** How often plain lines appear at most apart in time, besides one per tenth of the work. */
  static final long MINUTE_NANOS = 60_000_000_000L;

  private final PrintWriter lines; // plain lines go here; null when drawing bars
  private final PrintStream terminal; // bars go here; null when printing lines
  private final LongSupplier clock;
  private volatile boolean drawing;

  private Bars(PrintWriter lines, PrintStream terminal, LongSupplier clock) {
    this.lines = lines;
    this.terminal = terminal;
    this.clock = clock;
  }

  /** Plain lines on {@code err}, timed by {@code clock} (nanoseconds). */
  static Bars plain(PrintWriter err, LongSupplier clock) {
    return new Bars(err, null, clock);
  }

  /** Bars redrawn in place on {@code terminal} (standard error on a terminal). */
  static Bars drawn(PrintStream terminal) {
    return new Bars(null, terminal, System::nanoTime);
  }

  /**
   * The tracker of a command run from a shell: bars when standard error is a terminal (the
   * launcher says so in {@code VIVARIUM_STDERR_TTY}; without it, when the JVM has a console),
   * plain lines otherwise or with {@code VIVARIUM_PROGRESS=plain}.
   */
  static Progress.Tracker forShell(PrintWriter err) {
    String mode = System.getenv().getOrDefault("VIVARIUM_PROGRESS", "auto");
    if (mode.equals("off")) {
      return Progress.Tracker.NONE;
    }
    String tty = System.getenv("VIVARIUM_STDERR_TTY");
    boolean terminal = tty != null ? tty.equals("1") : System.console() != null;
    if (mode.equals("plain") || !terminal || "dumb".equals(System.getenv("TERM"))) {
      return plain(err, System::nanoTime);
    }
    return drawn(System.err);
  }

  /**
   * {@code out} for results printed while a bar may be drawn: a line written while a bar shows
   * first clears the bar's line (the bar is redrawn below it on its next tick).
   */
  PrintWriter above(PrintStream out) {
    return new PrintWriter(new Writer() {
      private boolean lineStart = true;

      @Override
      public void write(char[] buf, int off, int len) {
        if (len == 0) {
          return;
        }
        if (lineStart && drawing && terminal != null) {
          terminal.print("\r\033[2K");
          terminal.flush();
        }
        out.print(new String(buf, off, len));
        lineStart = buf[off + len - 1] == '\n';
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {
        out.flush();
      }
    }, true);
  }

  @Override
  public Progress start(String task, long total, String unit) {
    return terminal != null ? bar(task, total, unit) : new Lines(lines, clock, task, total, unit);
  }

  private Progress bar(String task, long total, String unit) {
    ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
        .setUnit(" " + unit, 1).setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500)
        .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
    drawing = true;
    return new Progress() {
      @Override
      public void advance(long units) {
        bar.stepBy(Math.max(0, units));
      }

      @Override
      public void advanceTo(long done) {
        bar.stepTo(Math.max(bar.getCurrent(), done));
      }

      @Override
      public void note(String text) {
        bar.setExtraMessage(text);
      }

      @Override
      public void close() {
        drawing = false;
        bar.close();
      }
    };
  }

  /**
   * Progress over wall-clock time, for work that runs for a set time (a colony for M minutes):
   * a daemon thread advances it each second up to {@code seconds}; closing it stops the thread.
   */
  static Progress timed(Progress.Tracker tracker, String task, long seconds) {
    Progress p = tracker.start(task, seconds, "seconds");
    java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vivarium-progress");
      t.setDaemon(true);
      return t;
    });
    long start = System.nanoTime();
    timer.scheduleAtFixedRate(() -> p.advanceTo(Math.min(seconds, (System.nanoTime() - start) / 1_000_000_000L)),
        1, 1, java.util.concurrent.TimeUnit.SECONDS);
    return new Progress() {
      @Override
      public void advance(long units) {}

      @Override
      public void advanceTo(long done) {}

      @Override
      public void close() {
        timer.shutdownNow();
        try {
          timer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS); // its last advance done before the end line
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        p.close();
      }
    };
  }

  /** Elapsed or remaining time as {@code m:ss} or {@code h:mm:ss}. */
  static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Plain progress lines: a start line, one per tenth of the work or minute, and an end line. */
  static final class Lines implements Progress {
    private final PrintWriter err;
    private final LongSupplier clock;
    private final String task;
    private final long total;
    private final String unit;
    private final long start;
    private long done;
    private long lastTenth;
    private long lastLine;
    private String note = "";
    private boolean closed;

    Lines(PrintWriter err, LongSupplier clock, String task, long total, String unit) {
      this.err = err;
      this.clock = clock;
      this.task = task;
      this.total = total;
      this.unit = unit;
      this.start = clock.getAsLong();
      this.lastLine = start;
      err.println(task + ": " + (total > 0 ? "0/" + total + " " + unit : "started (" + unit + ")"));
      err.flush();
    }

    @Override
    public void advance(long units) {
      advanceTo(done + Math.max(0, units));
    }

    @Override
    public void advanceTo(long to) {
      if (closed || to <= done) {
        return;
      }
      done = to;
      long now = clock.getAsLong();
      long tenth = total > 0 ? Math.min(10, done * 10 / total) : 0;
      if ((tenth > lastTenth && done < total) || now - lastLine >= MINUTE_NANOS) {
        lastTenth = tenth;
        lastLine = now;
        err.println(line(now));
        err.flush();
      }
    }

    @Override
    public void note(String text) {
      note = text == null || text.isBlank() ? "" : " · " + text.strip();
    }

    /** {@code task: 500/2000 iterations (25%) · 0:31 elapsed · ETA 1:33 · note}. */
    String line(long now) {
      Duration elapsed = Duration.ofNanos(now - start);
      if (total <= 0) {
        return String.format(Locale.ROOT, "%s: %d %s · %s elapsed%s", task, done, unit, clock(elapsed), note);
      }
      String eta = done == 0 ? "?" : clock(elapsed.multipliedBy(total - Math.min(done, total)).dividedBy(done));
      return String.format(Locale.ROOT, "%s: %d/%d %s (%d%%) · %s elapsed · ETA %s%s", task, done, total, unit,
          100 * Math.min(done, total) / total, clock(elapsed), eta, note);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      Duration elapsed = Duration.ofNanos(clock.getAsLong() - start);
      err.println(String.format(Locale.ROOT, "%s: %s%d%s %s in %s%s", task, total > 0 && done >= total ? "done, " : "stopped at ",
          done, total > 0 ? "/" + total : "", unit, clock(elapsed), note));
      err.flush();
    }
  }
}
