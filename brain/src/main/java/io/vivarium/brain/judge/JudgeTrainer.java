package io.vivarium.brain.judge;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.learn.Steps;
import java.util.ArrayList;
import java.util.List;

/**
 * One supervised step of an evaluator: the mean cross-entropy of the graded label under the
 * two-way yes/no softmax ({@link JudgeText}), back-propagated through the whole brain, then one
 * AdamW update.
 *
 * <p>Stateless; one trainer per brain, calls on one thread (the brain's write lock is held for a
 * step, so judges reading the brain wait).
 */
public final class JudgeTrainer {
  private final TorchBrain brain;
  private final double clip;

  /** A trainer of {@code brain}, clipping the gradient norm at {@code clip}. */
  public JudgeTrainer(TorchBrain brain, double clip) {
    this.brain = brain;
    this.clip = clip;
  }

  /** Steps on {@code asked} with their grades {@code yes}; returns the loss (nats). */
  public float step(AdamW opt, List<BrainJudge.Asked> asked, boolean[] yes, double lr) {
    if (asked.isEmpty() || asked.size() != yes.length) {
      throw new IllegalArgumentException("a step needs one grade per answer and at least one; got "
          + asked.size() + " answers and " + yes.length + " grades");
    }
    int block = brain.shape().block();
    List<byte[]> texts = new ArrayList<>(asked.size());
    asked.forEach(a -> texts.add(JudgeText.encode(a.question(), a.prompt(), a.answer(), block)));
    long[] label = new long[yes.length];
    for (int i = 0; i < yes.length; i++) {
      label[i] = yes[i] ? 0 : 1; // the column of YesNo.logProbs
    }
    return Steps.minimize(brain, opt, lr, clip, (w, m) -> {
      Tensor lp = YesNo.logProbs(w, m, texts, true); // (B, 2)
      Tensor picked = lp.gather(m.create(label, new Shape(label.length, 1)), 1); // (B, 1)
      return picked.mean().neg();
    });
  }
}
