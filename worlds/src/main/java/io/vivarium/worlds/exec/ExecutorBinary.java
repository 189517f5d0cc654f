package io.vivarium.worlds.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finds the {@code vivarium-exec} binary: the system property {@code vivarium.exec.binary}
 * when set; else the resource beside this class when it is a plain file (a build's
 * {@code target/classes}); else the resource copied out of the jar into a cache directory
 * ({@code vivarium.exec.cache}, else {@code $XDG_CACHE_HOME/vivarium/exec}, else
 * {@code ~/.cache/vivarium/exec}) under a name holding its SHA-256, made executable.
 * Thread-safe.
 */
public final class ExecutorBinary {
  private static final String RESOURCE = "vivarium-exec";
  private static volatile Path cached;

  private ExecutorBinary() {}

  /** The executable's path, extracting it on first use. */
  public static Path path() {
    Path p = cached;
    if (p == null) {
      synchronized (ExecutorBinary.class) {
        p = cached;
        if (p == null) {
          p = locate();
          cached = p;
        }
      }
    }
    return p;
  }

  private static Path locate() {
    String explicit = System.getProperty("vivarium.exec.binary");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      if (!Files.isExecutable(p)) {
        throw new IllegalArgumentException("vivarium.exec.binary must name an executable file; got '"
            + explicit + "'; unset it to use the executor built into the worlds jar");
      }
      return p;
    }
    URL url = ExecutorBinary.class.getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException("the exec sandbox binary is missing from the class path: "
          + "build the worlds module with ./mvnw (it compiles src/main/c with gcc)");
    }
    if ("file".equals(url.getProtocol())) {
      try {
        Path p = Path.of(url.toURI());
        if (Files.isExecutable(p)) {
          return p;
        }
      } catch (URISyntaxException e) {
        throw new IllegalStateException("bad resource URL " + url, e);
      }
    }
    return extract(url);
  }

  private static Path extract(URL url) {
    try (InputStream in = url.openStream()) {
      byte[] bytes = in.readAllBytes();
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      Path dir = cacheDir();
      Files.createDirectories(dir);
      Path target = dir.resolve(RESOURCE + "-" + sha.substring(0, 16));
      if (!Files.isExecutable(target) || Files.size(target) != bytes.length) {
        Path tmp = Files.createTempFile(dir, RESOURCE, ".tmp");
        Files.write(tmp, bytes);
        if (!tmp.toFile().setExecutable(true, true)) {
          throw new IOException("cannot make " + tmp + " executable");
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the exec sandbox binary; set the system "
          + "property vivarium.exec.cache to a writable directory on an exec-mounted disk", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path cacheDir() {
    String dir = System.getProperty("vivarium.exec.cache");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("vivarium").resolve("exec");
  }
}
