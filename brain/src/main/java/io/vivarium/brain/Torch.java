package io.vivarium.brain;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;
import org.bytedeco.pytorch.global.torch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts libtorch (JavaCPP's PyTorch preset) the one way Vivarium allows: natives from the jars on
 * the class path, unpacked once into an explicit cache directory under an exclusive file lock (so
 * two processes starting at once never see a half-written library), nothing downloaded, and a
 * fixed number of intra-op threads for both libtorch and OpenBLAS (whose own pool ignores
 * libtorch's setting).
 *
 * <p>The cache directory is {@code VIVARIUM_NATIVES} when set (environment or system property),
 * else {@code $XDG_CACHE_HOME/vivarium/natives/<version>} or
 * {@code ~/.cache/vivarium/natives/<version>}, else {@code <data dir>/natives/<version>}.
 *
 * <p>Thread-safe: {@link #start} is synchronized and idempotent.
 */
public final class Torch {
  /** The native bundle's name, also the cache's folder: a new version unpacks beside the old. */
  public static final String VERSION = "pytorch-2.10.0-javacpp-1.5.13";
  private static final String GPU_LIBRARY = "org/bytedeco/pytorch/linux-x86_64-gpu/libjnitorch.so";
  /** Whether this build carries libtorch's GPU natives (the {@code -Pgpu} profile's jar). */
  public static final boolean GPU_NATIVES =
      Torch.class.getClassLoader().getResource(GPU_LIBRARY) != null;
  /** The native cache's folder name: the GPU natives unpack beside the CPU ones, never over them. */
  static final String CACHE = VERSION + (GPU_NATIVES ? "-gpu" : "");
  private static final Logger LOG = LoggerFactory.getLogger(Torch.class);
  private static boolean started;
  private static int threads;
  private static volatile boolean cuda;

  private Torch() {}

  /** Starts the engine with 1 intra-op thread and no data directory if not yet started. */
  public static void engine() {
    if (!isStarted()) {
      start(1, null);
    }
  }

  private static synchronized boolean isStarted() {
    return started;
  }

  /**
   * Starts the engine (once per process) and sets the intra-op threads for the process.
   *
   * @param threads intra-op threads, at least 1
   * @param dataDir the data directory, used for the native cache only when no user cache
   *     directory is writable; may be null
   */
  public static synchronized void start(int threads, Path dataDir) {
    if (threads < 1) {
      throw new IllegalArgumentException("brain.threads must be at least 1; got " + threads);
    }
    if (!started) {
      Path cache = cacheDir(dataDir);
      // libtorch's memory is not JavaCPP's: never let JavaCPP refuse allocations by resident size
      System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
      System.setProperty("org.bytedeco.javacpp.maxBytes", "0");
      System.setProperty("org.bytedeco.javacpp.cachedir", cache.toString());
      System.setProperty("org.bytedeco.javacpp.cachedir.nosubdir", "true");
      if (GPU_NATIVES && System.getProperty("org.bytedeco.javacpp.platform.extension") == null) {
        System.setProperty("org.bytedeco.javacpp.platform.extension", "-gpu"); // the -Pgpu build
      }
      unpack(cache);
      started = true;
      LOG.info("libtorch via JavaCPP ({}), {} intra-op thread(s), natives in {}", VERSION, threads,
          cache);
    }
    if (threads != Torch.threads) {
      torch.set_num_threads(threads);
      openblas_full.openblas_set_num_threads(threads);
      Torch.threads = threads;
    }
  }

  /**
   * Starts the engine with {@code config}'s intra-op threads and sets the training precision
   * ({@code brain.precision}) for the process.
   */
  public static synchronized void start(io.vivarium.core.config.BrainConfig config, Path dataDir) {
    start(config.threads(), dataDir);
    Autograd.bf16(bf16(config.precision()));
  }

  /**
   * Whether {@code precision} (auto, fp32, bf16) means bf16 on this machine: auto is bf16 where the
   * CPU computes bfloat16 natively (avx512_bf16 or amx_bf16 in /proc/cpuinfo), where it pays.
   */
  public static boolean bf16(String precision) {
    return switch (precision) {
      case "bf16" -> true;
      case "fp32" -> false;
      case "auto" -> NativeBf16.ON;
      default -> throw new IllegalArgumentException(
          "brain.precision must be one of auto, fp32, bf16; got '" + precision + "'");
    };
  }

  /** Whether this CPU computes bf16 natively; /proc/cpuinfo is read once, on first use. */
  private static final class NativeBf16 {
    static final boolean ON = cpuHasBf16();

    private NativeBf16() {}
  }

  private static boolean cpuHasBf16() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("flags")) {
          return line.contains(" avx512_bf16") || line.contains(" amx_bf16");
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }

  /**
   * Native handles JavaCPP still owns (tensors, options, scalars not yet freed): flat across
   * steps when every temporary is closed; growth means a handle left to the garbage collector,
   * which keeps its tensor's storage alive until some later collection.
   */
  public static long liveHandles() {
    engine();
    return org.bytedeco.javacpp.Pointer.totalCount();
  }

  /** Seeds libtorch's generator (dropout, random draws) for the whole process. */
  public static void seed(long seed) {
    engine();
    torch.manual_seed(seed);
  }

  /**
   * Resolves {@code name} (cpu, gpu, auto) on this machine and places the process's tensors there:
   * {@code cuda} when the build carries libtorch's GPU natives ({@code -Pgpu}) and libtorch sees a
   * CUDA device (for gpu, else a one-line refusal saying what is missing; for auto, else cpu).
   * The device is the process's, chosen before the first brain: brains of one process never mix
   * devices.
   */
  public static String device(String name) {
    return switch (name) {
      case "cpu" -> useCpu();
      case "auto" -> GPU_NATIVES && cudaAvailable() ? useCuda() : useCpu();
      case "gpu" -> {
        if (!GPU_NATIVES) {
          throw new IllegalArgumentException("brain.device is gpu but this build carries "
              + "libtorch's CPU natives only: build with ./mvnw -Pgpu on a machine with CUDA 13.1 "
              + "and cuDNN 9 installed (Maven Central has no CUDA runtime jars for JavaCPP 1.5.13; "
              + "docs/brain.md, \"GPU\"), or use brain.device=cpu or auto");
        }
        if (!cudaAvailable()) {
          throw new IllegalArgumentException("brain.device is gpu but libtorch sees no CUDA device "
              + "(torch::cuda::is_available() is false: no GPU, or its driver or CUDA 13.1 libraries "
              + "are not on the library path); use brain.device=cpu or auto");
        }
        yield useCuda();
      }
      default -> throw new IllegalArgumentException(
          "brain.device must be one of cpu, gpu, auto; got '" + name + "'");
    };
  }

  /**
   * Whether libtorch sees a CUDA device: never without the GPU natives, nor when they cannot load
   * (the CUDA libraries missing from the library path); the start's error says which.
   */
  public static boolean cudaAvailable() {
    if (!GPU_NATIVES) {
      return false;
    }
    try {
      engine();
    } catch (IllegalStateException e) {
      LOG.warn("no CUDA: {}", e.getMessage());
      return false;
    }
    return torch.cuda_is_available();
  }

  /** Whether new tensors are placed on the CUDA device ({@link #device}); process-wide. */
  public static boolean onCuda() {
    return cuda;
  }

  private static synchronized String useCpu() {
    cuda = false;
    return "cpu";
  }

  private static synchronized String useCuda() {
    if (!cuda) {
      cuda = true;
      LOG.info("tensors on CUDA ({} device(s))", torch.cuda_device_count());
    }
    return "cuda";
  }

  private static void unpack(Path cache) {
    Path lockFile = cache.resolveSibling(cache.getFileName() + ".lock");
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      Loader.load(openblas_full.class);
      Loader.load(torch.class);
    } catch (IOException e) {
      throw new IllegalStateException("could not lock " + lockFile + " to unpack the PyTorch "
          + "natives: " + e.getMessage() + "; set VIVARIUM_NATIVES to a writable local directory", e);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("libtorch did not load from the natives on the class path "
          + "(cache " + cache + "): " + e.getMessage() + "; check that the linux-x86_64 jars of "
          + "org.bytedeco:pytorch and openblas are on the class path and the cache is writable "
          + "(or delete it to unpack again)" + (GPU_NATIVES ? "; this is the -Pgpu build, whose "
          + "natives also need CUDA 13.1 and cuDNN 9 on the library path (LD_LIBRARY_PATH)" : ""), e);
    }
  }

  private static Path cacheDir(Path dataDir) {
    String set = System.getenv("VIVARIUM_NATIVES");
    if (set == null || set.isEmpty()) {
      set = System.getProperty("VIVARIUM_NATIVES");
    }
    if (set != null && !set.isEmpty()) {
      Path chosen = writable(Path.of(set).toAbsolutePath());
      if (chosen == null) {
        throw new IllegalStateException("VIVARIUM_NATIVES is " + set + ", which is not a writable "
            + "directory; point it at one (the PyTorch natives are unpacked there once)");
      }
      return chosen;
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path user = xdg != null && !xdg.isEmpty()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    Path chosen = writable(user.resolve("vivarium").resolve("natives").resolve(CACHE));
    if (chosen == null && dataDir != null) {
      chosen = writable(dataDir.resolve("natives").resolve(CACHE).toAbsolutePath());
    }
    if (chosen == null) {
      throw new IllegalStateException(
          "no writable directory for the PyTorch natives: " + user.resolve("vivarium/natives")
              + " is not writable and no data directory was given; set VIVARIUM_NATIVES to a "
              + "writable directory");
    }
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
