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
}
