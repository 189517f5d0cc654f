package io.vivarium.brain.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainingLock;
import io.vivarium.brain.model.Weights;
import java.util.function.BiFunction;

/**
 * One supervised optimisation step, as every supervised learner (here and in the tutors) takes it: a step manager, the loss
 * built and differentiated under the process-wide {@link TrainingLock}, then one AdamW update.
 *
 * <p>Stateless; the brain's exclusive lock is held for the whole step.
 */
public final class Steps {
  private Steps() {}

  /**
   * Builds {@code loss(weights, stepManager)} (a scalar; every array in the step manager),
   * back-propagates it, applies {@code opt} with {@code lr} and {@code clip}; returns the loss.
   */
  public static float minimize(TorchBrain brain, AdamW opt, double lr, double clip,
      BiFunction<Weights, NDManager, NDArray> loss) {
    return brain.update(w -> {
      try (NDManager m = w.manager().newSubManager()) {
        NDArray l = TrainingLock.run(() -> {
          try (GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray value = loss.apply(w, m);
            gc.backward(value);
            return value;
          }
        });
        JniUtils.setGradMode(false);
        float value = l.getFloat();
        opt.step(m, lr, clip);
        return value;
      }
    });
  }
}
