package io.vivarium.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a whole file so that a crash at any moment leaves either the old file or the new one,
 * never a part: the bytes go to a temporary file beside the target, are forced to the disk, and
 * the temporary file is renamed over the target atomically. Stateless; safe from any thread
 * (writers of the same target must agree among themselves who writes last).
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Replaces {@code target} with {@code bytes}, creating its directory when missing. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** What streams a file's bytes; {@link #write(Path, Body)} forces and renames them. */
  @FunctionalInterface
  public interface Body {
    /** Writes the whole file to {@code out} (buffered; do not close it). */
    void write(OutputStream out) throws IOException;
  }

  /**
   * Replaces {@code target} with what {@code body} streams, for files too large to hold in
   * memory: on any exception the target is left as it was and the temporary file is removed. The
   * new file gets the process's default permissions (its umask), as a plain write would.
   */
  public static void write(Path target, Body body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not createTempFile: its 0600 would make exports unreadable to others whatever the umask says.
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
        + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
        body.write(out);
        out.flush();
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
