package io.vivarium.colony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock a running colony holds on its data directory ({@code colony.lock}), so that
 * a second {@code vivarium run} on the same directory is refused and other commands can tell
 * whether a colony is running there. The operating system releases it when the process dies,
 * even by SIGKILL. Closing it releases it; thread-safe.
 */
public final class ColonyLock implements AutoCloseable {
  /** The lock file's name inside a data directory. */
  public static final String FILE = "colony.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private ColonyLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dir}.
   *
   * @throws IllegalStateException when another process (or this one) holds it
   */
  public static ColonyLock acquire(DataDir dir) {
    Path file = dir.root().resolve(FILE);
    try {
      Files.createDirectories(dir.root());
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock l = tryLock(ch);
      if (l == null) {
        ch.close();
        throw new IllegalStateException("a colony is already running in " + dir.root() + " (it holds " + file
            + "); stop it first, or use another --data directory");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      ch.force(true);
      return new ColonyLock(ch, l);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Whether some process holds the lock of {@code dir} now (a colony is running there). */
  public static boolean isHeld(DataDir dir) {
    Path file = dir.root().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock l = tryLock(ch);
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very process
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + FILE + ": " + e.getMessage(), e);
    }
  }
}
