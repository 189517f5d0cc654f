package io.vivarium.core.tb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A TensorBoard log directory of runs, one subdirectory (and one event file, opened on its first
 * value) per run: {@code tensorboard --logdir ROOT} shows each run as a line. Run names are one
 * path segment. A daemon thread hands buffered values to the operating system every flush
 * interval, so a crash loses at most that interval even when no value follows. Thread-safe;
 * {@link #close()} flushes and closes every file.
 */
public final class Runs implements AutoCloseable {
  /** What a run name may look like: one path segment. */
  public static final String RUN_NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,127}";

  private final Path root;
  private final long flushMillis;
  private final Map<String, EventFile> files = new LinkedHashMap<>();
  private final ScheduledExecutorService flusher;
  private long closedRecords;
  private long closedBytes;
  private boolean closed;

  /**
   * Runs under {@code root} (made on the first value).
   *
   * @param flushMillis at most how long a value waits in memory, at least 0
   */
  public Runs(Path root, long flushMillis) {
    if (flushMillis < 0) {
      throw new IllegalArgumentException("a log directory's flush interval must be >= 0 ms; got " + flushMillis);
    }
    this.root = root;
    this.flushMillis = flushMillis;
    this.flusher = flushMillis == 0 ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tensorboard-flush");
      t.setDaemon(true);
      return t;
    });
    if (flusher != null) {
      flusher.scheduleWithFixedDelay(this::flushQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      // the next write reports it to its caller, which decides (the colony turns the files off)
    }
  }

  /** The log directory. */
  public Path root() {
    return root;
  }

  /** Appends scalar {@code tag} = {@code value} at {@code step} to {@code run}, stamped {@code millis}. */
  public void scalar(String run, String tag, long step, double value, long millis) {
    file(run).scalar(tag, step, value, millis);
  }

  /** Appends histogram {@code tag} at {@code step} to {@code run}, stamped {@code millis}. */
  public void histogram(String run, String tag, long step, Histogram h, long millis) {
    file(run).histogram(tag, step, h, millis);
  }

  /** Records written to every run so far (closed runs' included). */
  public synchronized long records() {
    return closedRecords + files.values().stream().mapToLong(EventFile::records).sum();
  }

  /** Bytes written to every run so far (closed runs' included). */
  public synchronized long bytes() {
    return closedBytes + files.values().stream().mapToLong(EventFile::bytes).sum();
  }

  /** Hands every buffered value to the operating system. */
  public synchronized void flush() {
    files.values().forEach(EventFile::flush);
  }

  /** Closes the files of every run but those {@code keep} names (agents that left), so few stay open. */
  public synchronized void retain(Set<String> keep) {
    var it = files.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (!keep.contains(e.getKey())) {
        closedRecords += e.getValue().records();
        closedBytes += e.getValue().bytes();
        try {
          e.getValue().close();
        } catch (IOException ex) {
          throw new UncheckedIOException("cannot close event file " + e.getValue().path() + ": " + ex.getMessage(), ex);
        } finally {
          it.remove();
        }
      }
    }
  }

  private synchronized EventFile file(String run) {
    if (closed) {
      throw new IllegalStateException("the runs under " + root + " are closed");
    }
    EventFile f = files.get(run);
    if (f == null) {
      if (run == null || !run.matches(RUN_NAME)) {
        throw new IllegalArgumentException("a run name must match " + RUN_NAME + " (one path segment); got '"
            + run + "'");
      }
      try {
        f = new EventFile(root.resolve(run), flushMillis);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create an event file under " + root.resolve(run) + ": "
            + e.getMessage(), e);
      }
      files.put(run, f);
    }
    return f;
  }

  /** Flushes and closes every event file. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (flusher != null) {
      flusher.shutdownNow();
    }
    IOException first = null;
    for (EventFile f : files.values()) {
      try {
        f.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw new UncheckedIOException("cannot close an event file under " + root + ": " + first.getMessage(), first);
    }
  }
}
