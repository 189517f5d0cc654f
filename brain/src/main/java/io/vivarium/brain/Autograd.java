package io.vivarium.brain;

import io.vivarium.brain.tensor.Tensor;
import java.util.function.Supplier;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.global.torch;

/**
 * Gradient recording and bf16 autocast for the calling thread only. libtorch keeps both per
 * thread, so two threads may each build and back-propagate a loss over different brains at the
 * same instant. Gradients accumulate into each parameter's gradient until the optimizer zeroes
 * them.
 *
 * <p>Thread-safe: nothing is shared between threads except the process-wide precision, set once
 * at start-up.
 */
public final class Autograd {
  private static volatile boolean bf16;

  private Autograd() {}

  /**
   * Whether forward passes under {@link #record} compute matrix products in bf16 (fp32 weights,
   * gradients, optimizer and residual stream): {@code brain.precision}.
   */
  public static void bf16(boolean on) {
    bf16 = on;
  }

  /** The precision {@link #record} uses: {@code bf16} or {@code fp32}. */
  public static String precision() {
    return bf16 ? "bf16" : "fp32";
  }

  /**
   * Runs {@code work} with gradient recording on for this thread (and bf16 autocast when chosen),
   * then turns both off (also when {@code work} throws) — off, not back as it was: libtorch starts
   * every thread recording, and the optimizer step that follows must not be recorded. Inside,
   * {@link #backward} differentiates a loss.
   */
  public static <T> T record(Supplier<T> work) {
    boolean cast = bf16;
    torch.DeviceType device = Torch.onCuda() ? torch.DeviceType.CUDA : torch.DeviceType.CPU;
    GradMode.set_enabled(true);
    if (cast) {
      torch.set_autocast_dtype(device, torch.ScalarType.BFloat16);
      torch.set_autocast_enabled(device, true);
    }
    try {
      return work.get();
    } finally {
      GradMode.set_enabled(false);
      if (cast) {
        torch.set_autocast_enabled(device, false);
        torch.clear_cache();
      }
    }
  }

  /** Turns gradient recording off for this thread (inference, optimizer steps). */
  public static void off() {
    GradMode.set_enabled(false);
  }

  /** Sets gradient recording for this thread. */
  public static void set(boolean on) {
    GradMode.set_enabled(on);
  }

  /** Whether this thread records gradients now. */
  public static boolean isOn() {
    return GradMode.is_enabled();
  }

  /** Back-propagates the scalar {@code loss} built under {@link #record} into the parameters' gradients. */
  public static void backward(Tensor loss) {
    loss.backward();
  }
}
