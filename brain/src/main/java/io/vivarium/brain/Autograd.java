package io.vivarium.brain;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Gradient recording for the calling thread only. libtorch keeps its grad mode per thread, so two
 * threads may each build and back-propagate a loss over different brains at the same instant;
 * DJL's own gradient collector forbids that with a process-wide flag, so learners use this
 * instead. Gradients accumulate into each parameter's gradient, as with DJL's collector.
 *
 * <p>Thread-safe: nothing is shared between threads.
 */
public final class Autograd {
  private Autograd() {}

  /**
   * Runs {@code work} with gradient recording on for this thread, then turns it off (also when
   * {@code work} throws) — off, not back as it was: libtorch starts every thread recording, and the
   * optimizer step that follows must not be recorded. Inside, {@link #backward} differentiates a loss.
   */
  public static <T> T record(Supplier<T> work) {
    JniUtils.setGradMode(true);
    try {
      return work.get();
    } finally {
      JniUtils.setGradMode(false);
    }
  }

  /** Back-propagates the scalar {@code loss} built under {@link #record} into the parameters' gradients. */
  public static void backward(NDArray loss) {
    try (NDArray seed = loss.getManager().ones(loss.getShape(), loss.getDataType())) {
      JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
    }
  }
}
