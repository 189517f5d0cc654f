package io.vivarium.brain.tutor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainingLock;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.model.Weights;
import java.util.function.BiFunction;

/** One supervised update shared by the tutors: loss, backward under the training lock, AdamW. Stateless. */
final class Gradient {
  private Gradient() {}

  /** Computes {@code loss} on a step manager, steps {@code opt} at {@code lr}; returns the loss. */
  static float step(TorchBrain brain, AdamW opt, double lr, double clip, BiFunction<Weights, NDManager, NDArray> loss) {
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
