package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.model.Weights;
import java.util.function.BiFunction;

/**
 * One supervised optimisation step, as every supervised learner (here and in the tutors) takes it: a step arena, the loss
 * built and differentiated with per-thread gradient recording ({@link Autograd}), then one AdamW update.
 *
 * <p>Stateless; the brain's exclusive lock is held for the whole step.
 */
public final class Steps {
  private Steps() {}

  /**
   * Builds {@code loss(weights, stepArena)} (a scalar; every array in the step arena),
   * back-propagates it, applies {@code opt} with {@code lr} and {@code clip}; returns the loss.
   */
  public static float minimize(TorchBrain brain, AdamW opt, double lr, double clip,
      BiFunction<Weights, Arena, Tensor> loss) {
    return brain.update(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor l = Autograd.record(() -> {
          Tensor value = loss.apply(w, m);
          Autograd.backward(value);
          return value;
        });
        float value = l.getFloat();
        opt.step(m, lr, clip);
        return value;
      }
    });
  }

  /** The loss of micro-batch {@code index} of a step, every array in {@code arena}. */
  @FunctionalInterface
  public interface MicroLoss {
    Tensor apply(Weights weights, Arena arena, int index);
  }

  /**
   * One step by gradient accumulation: for each of {@code micro} micro-batches, builds its loss (a
   * mean over that micro-batch) in an arena of its own, back-propagates {@code loss / micro} and
   * frees the micro-batch's activations before the next; the summed gradient is then the full
   * batch's mean loss gradient when the micro-batches are equal parts of it. One AdamW update
   * follows. Returns the mean of the micro-batch losses. {@code micro} 1 is {@link #minimize}.
   */
  public static float accumulate(TorchBrain brain, AdamW opt, double lr, double clip, int micro,
      MicroLoss loss) {
    if (micro < 1) {
      throw new IllegalArgumentException("micro-batches must be at least 1; got " + micro);
    }
    return brain.update(w -> {
      double sum = 0;
      for (int i = 0; i < micro; i++) {
        int index = i;
        try (Arena a = w.arena().newChild()) {
          sum += Autograd.record(() -> {
            Tensor value = loss.apply(w, a, index);
            Autograd.backward(micro == 1 ? value : value.div(micro));
            return value.getFloat();
          });
        }
      }
      try (Arena m = w.arena().newChild()) {
        opt.step(m, lr, clip);
      }
      return (float) (sum / micro);
    });
  }
}
