package io.vivarium.core.tb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One TensorBoard event file, named as TensorBoard expects
 * ({@code events.out.tfevents.<unix seconds>.<host>.<pid>.<n>}), opened new in its directory and
 * only ever appended to: its first record names the file version, then one record per value.
 * Records are buffered and handed to the operating system at most {@code flushMillis} after the
 * first one waiting, so a crashed process loses at most that interval and leaves a readable
 * prefix (TensorBoard stops at a torn last record). Thread-safe.
 */
public final class EventFile implements AutoCloseable {
  /** The prefix of every event file's name. */
  public static final String PREFIX = "events.out.tfevents.";
  private static final AtomicLong FILES = new AtomicLong();
  private static volatile String host;

  private final Path file;
  private final OutputStream out;
  private final long flushNanos;
  private long pendingSince = -1;
  private long records;
  private long bytes;
  private boolean closed;

  /**
   * Creates a new event file in {@code dir} (made when missing).
   *
   * @param flushMillis at most how long a written record waits in memory, at least 0
   */
  public EventFile(Path dir, long flushMillis) throws IOException {
    if (flushMillis < 0) {
      throw new IllegalArgumentException("an event file's flush interval must be >= 0 ms; got " + flushMillis);
    }
    Files.createDirectories(dir);
    long seconds = System.currentTimeMillis() / 1000;
    this.file = dir.resolve(PREFIX + seconds + "." + host() + "." + ProcessHandle.current().pid() + "."
        + FILES.incrementAndGet());
    this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), 1 << 16);
    this.flushNanos = flushMillis * 1_000_000L;
    append(EventProto.fileVersion(System.currentTimeMillis() / 1000.0));
    flush();
  }

  /** The file's path. */
  public Path path() {
    return file;
  }

  /** Appends a scalar {@code value} of {@code tag} at {@code step}, at wall time {@code millis}. */
  public void scalar(String tag, long step, double value, long millis) {
    append(EventProto.scalar(millis / 1000.0, step, tag, (float) value));
  }

  /** Appends a histogram of {@code tag} at {@code step}, at wall time {@code millis}. */
  public void histogram(String tag, long step, Histogram h, long millis) {
    append(EventProto.histogram(millis / 1000.0, step, tag, h));
  }

  /** Records written so far, the file version's included. */
  public synchronized long records() {
    return records;
  }

  /** Bytes written so far (buffered ones included). */
  public synchronized long bytes() {
    return bytes;
  }

  private synchronized void append(byte[] event) {
    if (closed) {
      throw new IllegalStateException("event file " + file + " is closed");
    }
    byte[] record = TfRecord.frame(event);
    try {
      out.write(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write event file " + file + ": " + e.getMessage(), e);
    }
    records++;
    bytes += record.length;
    long now = System.nanoTime();
    if (pendingSince < 0) {
      pendingSince = now;
    }
    if (now - pendingSince >= flushNanos) {
      flush();
    }
  }

  /** Hands every buffered record to the operating system. */
  public synchronized void flush() {
    if (closed) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write event file " + file + ": " + e.getMessage(), e);
    }
    pendingSince = -1;
  }

  /** Flushes and closes the file. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    flush();
    closed = true;
    out.close();
  }

  /** The host name for file names: letters, digits, '-' and '.', "localhost" when unknown. */
  static String host() {
    String h = host;
    if (h == null) {
      try {
        h = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        h = System.getenv().getOrDefault("HOSTNAME", "localhost");
      }
      h = h.replaceAll("[^A-Za-z0-9.-]", "-");
      host = h = h.isEmpty() ? "localhost" : h;
    }
    return h;
  }
}
