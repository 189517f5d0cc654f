package probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bytedeco.javacpp.Loader;

/**
 * Unpacks JavaCPP's natives (PyTorch, OpenBLAS) into the explicit cache directory once per JVM,
 * holding an exclusive file lock beside that directory for the whole set, so a second process
 * waits for a complete cache instead of interleaving with the first one's per-file extraction.
 * Thread-safe.
 */
final class Natives {

  private static boolean ready;

  private Natives() {}

  /** Loads every native library the probe uses, unpacking them first if needed. */
  static synchronized void prepare() {
    if (ready) {
      return;
    }
    String dir = System.getProperty("org.bytedeco.javacpp.cachedir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("system property org.bytedeco.javacpp.cachedir is not set:"
          + " set it to a directory of its own (run.sh does), never the shared default");
    }
    Path cache = Path.of(dir).toAbsolutePath();
    Path lockFile = cache.resolveSibling(cache.getFileName() + ".lock");
    try {
      Files.createDirectories(cache);
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        Loader.load(org.bytedeco.openblas.global.openblas_full.class);
        Loader.load(org.bytedeco.pytorch.global.torch.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not lock " + lockFile + " to unpack the natives", e);
    }
    ready = true;
  }
}
