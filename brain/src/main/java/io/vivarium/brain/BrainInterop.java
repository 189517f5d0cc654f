package io.vivarium.brain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Brain files to safetensors and back, streamed one parameter at a time without the engine:
 * the weights pass from one file to the other unchanged (float32 both ways), so a round trip
 * gives back identical weights. Stateless and thread-safe.
 */
public final class BrainInterop {
  private BrainInterop() {}

  /** Writes the brain file {@code brainFile} as the safetensors file {@code out}; returns its shape. */
  public static BrainShape exportFile(Path brainFile, Path out) throws IOException {
    return unwrap(() -> BrainFile.read(brainFile, (shape, trainedFor, values) -> {
      write(() -> Safetensors.write(out, shape, trainedFor, values));
      return shape;
    }));
  }

  /** Writes brain-file bytes (a checkpoint's payload; {@code source} names them) as {@code out}. */
  public static BrainShape exportBytes(byte[] brain, String source, Path out) throws IOException {
    return unwrap(() -> BrainFile.fromBytes(brain, source, (shape, trainedFor, values) -> {
      write(() -> Safetensors.write(out, shape, trainedFor, values));
      return shape;
    }));
  }

  /**
   * Reads the safetensors file {@code in} (checked against the shape in its metadata) and writes
   * it as the brain file {@code out}; returns its shape.
   */
  public static BrainShape importFile(Path in, Path out) throws IOException {
    return unwrap(() -> Safetensors.read(in, (shape, trainedFor, values) -> {
      write(() -> BrainFile.write(out, shape, values, trainedFor));
      return shape;
    }));
  }

  private interface Io {
    void run() throws IOException;
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  /** A failure writing the output, carried through the readers' error wrapping untouched. */
  private static final class WriteFailed extends RuntimeException {
    WriteFailed(IOException cause) {
      super(cause);
    }
  }

  private static void write(Io io) {
    try {
      io.run();
    } catch (IOException e) {
      throw new WriteFailed(e);
    } catch (UncheckedIOException e) {
      throw new WriteFailed(e.getCause());
    }
  }

  private static <T> T unwrap(IoCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (WriteFailed e) {
      throw (IOException) e.getCause();
    }
  }
}
