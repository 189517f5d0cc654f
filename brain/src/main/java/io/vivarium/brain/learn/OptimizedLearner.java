package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.model.Weights;
import io.vivarium.core.config.OptimizerConfig;
import java.util.SplittableRandom;

/**
 * What the learners of the loop share: one AdamW over the brain from the one optimizer
 * configuration, its state for checkpoints, shuffled minibatch orders, and the optional penalty
 * towards a reference brain ({@link #keepNear}, {@link KlReference}). Not thread-safe.
 */
abstract class OptimizedLearner implements Learner {
  final TorchBrain brain;
  final OptimizerConfig optimizer;
  final AdamW opt;
  /** The penalty towards the brain as it was when the learner was made; off unless {@link #keepNear}. */
  KlReference klRef = KlReference.off();

  OptimizedLearner(TorchBrain brain, OptimizerConfig optimizer) {
    this.brain = brain;
    this.optimizer = optimizer;
    this.opt = AdamW.of(brain, optimizer);
  }

  @Override
  public byte[] optimizerState() {
    return opt.exportState();
  }

  @Override
  public void restoreOptimizer(byte[] state) {
    opt.importState(state);
  }

  @Override
  public int optimizerSteps() {
    return opt.steps();
  }

  /**
   * Keeps the policy near a frozen copy of the brain as it is now, with {@code weight} (learn.klRef;
   * 0 = off). The learner's loss adds it through {@link KlReference#oneByte} or
   * {@link KlReference#sequences}; {@link KlReference#report} adds {@code kl_ref} to its stats.
   *
   * @throws IllegalStateException when a reference is kept already
   */
  final void keepNear(double weight) {
    if (klRef.on()) {
      throw new IllegalStateException("this learner keeps a reference brain already");
    }
    klRef = KlReference.of(brain, weight);
  }

  @Override
  public void close() {
    opt.close();
    klRef.close();
  }

  /** The terms of one gradient step, built on the step's arena; element 0 is the loss minimised. */
  @FunctionalInterface
  interface Loss {
    Tensor[] build(Weights w, Arena m);
  }

  /** What a step reports, read from its terms (still alive) and the gradient norm before clipping. */
  @FunctionalInterface
  interface Report {
    float[] read(Tensor[] terms, float gradNorm);
  }

  /**
   * One gradient step, as every learner of the loop takes it: the brain's exclusive lock, a step
   * arena, the loss built and differentiated with per-thread gradient recording ({@link Autograd}), one
   * AdamW update at {@code lr} with the configured clip; returns what {@code report} reads.
   */
  float[] step(Loss loss, double lr, Report report) {
    return brain.update(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor[] terms = Autograd.record(() -> {
          Tensor[] t = loss.build(w, m);
          Autograd.backward(t[0]);
          return t;
        });
        klRef.stepped();
        return report.read(terms, opt.step(m, lr, optimizer.maxGradNorm()));
      } finally {
        klRef.discard();
      }
    });
  }

  /** 0 … n−1 in an order shuffled by {@code rng} (Fisher–Yates). */
  static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
