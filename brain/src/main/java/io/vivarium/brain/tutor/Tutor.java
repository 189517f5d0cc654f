package io.vivarium.brain.tutor;

import java.util.List;

/**
 * Teaches one brain one kind of example: a gradient step on a batch, and a score on held-out
 * examples (higher is better, in [0, 1]).
 *
 * @param <E> the example type
 */
public interface Tutor<E> extends AutoCloseable {
  /** One AdamW step on {@code batch} at learning rate {@code lr}; returns the loss before the step. */
  float step(List<E> batch, double lr);

  /** The score on {@code examples} without learning. */
  double score(List<E> examples);

  /** The score's name, e.g. {@code accuracy} or {@code iou}. */
  String metric();

  /** Releases the optimizer state; the brain stays open. */
  @Override
  void close();
}
