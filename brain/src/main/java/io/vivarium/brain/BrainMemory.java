package io.vivarium.brain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much memory a brain needs, checked before a large one is allocated: training holds four
 * float32 copies of every parameter (weights, gradients, AdamW's two moments), 16 bytes per
 * parameter before any activation; inference holds the weights, 4 bytes per parameter. Brains
 * under {@link #UNCHECKED} bytes are never checked. Stateless and thread-safe.
 */
public final class BrainMemory {
  /** Bytes per parameter while training: weights, gradients and two AdamW moments in float32. */
  public static final int TRAINING_BYTES_PER_PARAMETER = 16;
  /** Bytes per parameter of the weights alone (float32). */
  public static final int WEIGHT_BYTES_PER_PARAMETER = 4;
  /** Below this many bytes a brain is not checked (every preset up to {@code 100m}). */
  public static final long UNCHECKED = 2L << 30;

  private BrainMemory() {}

  /** The bytes {@code shape} needs to train, activations aside. */
  public static long trainingBytes(BrainShape shape) {
    return shape.parameterCount() * TRAINING_BYTES_PER_PARAMETER;
  }

  /** Refuses {@code shape} when this machine's available memory cannot train it. */
  public static void requireTrainable(BrainShape shape) {
    if (trainingBytes(shape) >= UNCHECKED) {
      require(shape, TRAINING_BYTES_PER_PARAMETER, available(), "train");
    }
  }

  /** Refuses {@code shape} when this machine's available memory cannot hold its weights. */
  public static void requireLoadable(BrainShape shape) {
    if (shape.parameterCount() * WEIGHT_BYTES_PER_PARAMETER >= UNCHECKED) {
      require(shape, WEIGHT_BYTES_PER_PARAMETER, available(), "load");
    }
  }

  /**
   * Refuses {@code shape} when {@code perParameter} bytes for each of its parameters exceed
   * {@code available} bytes; {@code what} (train, load) names the use in the message.
   */
  public static void require(BrainShape shape, int perParameter, long available, String what) {
    long needed = shape.parameterCount() * perParameter;
    if (needed > available) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a brain of %,d parameters needs about %.1f GiB to %s (%d bytes per parameter%s) but this "
              + "machine has %.1f GiB available; choose a smaller preset (e.g. brain.preset=100m) "
              + "or a machine with more memory",
          shape.parameterCount(), gib(needed), what, perParameter,
          perParameter == TRAINING_BYTES_PER_PARAMETER
              ? ": weights, gradients and AdamW's two moments, activations extra" : "",
          gib(available)));
    }
  }

  /** This machine's available memory in bytes ({@code MemAvailable}); unbounded if unknown. */
  public static long available() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return Long.MAX_VALUE; // no /proc: the allocation itself will say
    }
    return Long.MAX_VALUE;
  }

  private static double gib(long bytes) {
    return bytes / (double) (1L << 30);
  }
}
