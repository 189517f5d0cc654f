package io.vivarium.brain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine the one way Vivarium allows: offline (natives from the Maven
 * Central jar on the class path, nothing downloaded), with an explicit native cache directory
 * and a fixed number of intra-op threads.
 *
 * <p>The cache directory is {@code DJL_CACHE_DIR} when set (environment or system property),
 * else {@code $XDG_CACHE_HOME/vivarium/djl} or {@code ~/.cache/vivarium/djl}, else
 * {@code <data dir>/djl-cache}; DJL's own silent fallback to /tmp is never used.
 *
 * <p>Thread-safe: {@link #start} is synchronized and idempotent.
 */
public final class Torch {
  private static final Logger LOG = LoggerFactory.getLogger(Torch.class);
  private static Engine engine;

  private Torch() {}

  /** The engine, started with 1 intra-op thread and no data directory if not yet started. */
  public static Engine engine() {
    return start(1, null);
  }

  /**
   * Starts the engine (once per process) and sets the intra-op threads for the process.
   *
   * @param threads intra-op threads, at least 1
   * @param dataDir the data directory, used for the native cache only when no user cache
   *     directory is writable; may be null
   */
  public static synchronized Engine start(int threads, Path dataDir) {
    if (threads < 1) {
      throw new IllegalArgumentException("brain.threads must be at least 1; got " + threads);
    }
    if (engine == null) {
      System.setProperty("ai.djl.offline", "true");
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
      Path cache = cacheDir(dataDir);
      try {
        engine = Engine.getEngine("PyTorch");
      } catch (RuntimeException | UnsatisfiedLinkError e) {
        throw new IllegalStateException(
            "the PyTorch engine did not start from the natives on the class path (cache "
                + cache + "): " + e.getMessage() + "; check that pytorch-native-cpu is on the "
                + "class path and the cache directory is writable", e);
      }
      LOG.info("PyTorch {} via DJL {}, {} intra-op thread(s), natives in {}",
          engine.getVersion(), Engine.getDjlVersion(), threads, cache);
    }
    JniUtils.setNumThreads(threads);
    return engine;
  }

  /** The device {@code name} (cpu, gpu, auto) resolves to on this machine. */
  public static Device device(String name) {
    Engine e = engine();
    return switch (name) {
      case "cpu" -> Device.cpu();
      case "auto" -> e.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
      case "gpu" -> {
        if (e.getGpuCount() == 0) {
          throw new IllegalArgumentException(
              "brain.device is gpu but no usable GPU was found (the CPU natives are installed);"
                  + " use brain.device=cpu or auto");
        }
        yield Device.gpu();
      }
      default -> throw new IllegalArgumentException(
          "brain.device must be one of cpu, gpu, auto; got '" + name + "'");
    };
  }

  private static Path cacheDir(Path dataDir) {
    String set = System.getenv("DJL_CACHE_DIR");
    if (set == null || set.isEmpty()) {
      set = System.getProperty("DJL_CACHE_DIR");
    }
    if (set != null && !set.isEmpty()) {
      return Path.of(set);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path user = xdg != null && !xdg.isEmpty()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    Path chosen = writable(user.resolve("vivarium").resolve("djl"));
    if (chosen == null && dataDir != null) {
      chosen = writable(dataDir.resolve("djl-cache"));
    }
    if (chosen == null) {
      throw new IllegalStateException(
          "no writable directory for the PyTorch natives: " + user.resolve("vivarium/djl")
              + " is not writable and no data directory was given; set DJL_CACHE_DIR to a "
              + "writable directory");
    }
    System.setProperty("DJL_CACHE_DIR", chosen.toString());
    return chosen;
  }

  private static Path writable(Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.isWritable(dir) ? dir : null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
