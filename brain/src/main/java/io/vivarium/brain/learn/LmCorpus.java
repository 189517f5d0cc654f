package io.vivarium.brain.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A byte corpus for language-model training, split by position as nanoGPT does: the first
 * 90 % trains, the last 10 % is held out for evaluation. Batches are random windows.
 *
 * <p>Immutable and thread-safe (the random generator is the caller's).
 */
public final class LmCorpus {
  private final byte[] data;
  private final int split;

  /** A corpus over {@code data}; both parts must hold more than {@code block} bytes. */
  public LmCorpus(byte[] data, int block, String source) {
    this.data = data;
    this.split = (int) (data.length * 0.9);
    int need = (block + 1) * 10 + 10;
    if (data.length < need) {
      throw new IllegalArgumentException(
          "corpus " + source + " has " + data.length + " bytes; a block of " + block
              + " needs at least " + need + " (10 % is held out); give a larger file or a "
              + "smaller --block");
    }
  }

  /** Reads {@code file} as raw bytes. */
  public static LmCorpus read(Path file, int block) throws IOException {
    try {
      return new LmCorpus(Files.readAllBytes(file), block, file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "corpus file " + file + " does not exist; pass an existing text file to --corpus", e);
    }
  }

  /**
   * Fills {@code x} and {@code y} (each B×T, row-major) with random windows from the training
   * part ({@code validation} false) or the held-out part; {@code y} is {@code x} shifted by one.
   */
  public void batch(SplittableRandom rng, int b, int t, boolean validation, long[] x, long[] y) {
    int from = validation ? split : 0;
    int to = validation ? data.length : split;
    for (int i = 0; i < b; i++) {
      int start = from + rng.nextInt(to - from - t - 1);
      for (int j = 0; j < t; j++) {
        x[i * t + j] = data[start + j] & 0xFF;
        y[i * t + j] = data[start + j + 1] & 0xFF;
      }
    }
  }

  /** Total bytes. */
  public int size() {
    return data.length;
  }
}
