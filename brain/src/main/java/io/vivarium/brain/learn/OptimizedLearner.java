package io.vivarium.brain.learn;

import io.vivarium.brain.TorchBrain;
import io.vivarium.core.config.OptimizerConfig;
import java.util.SplittableRandom;

/**
 * What the learners of the loop share: one AdamW over the brain from the one optimizer
 * configuration, its state for checkpoints, and shuffled minibatch orders. Not thread-safe.
 */
abstract class OptimizedLearner implements Learner {
  final TorchBrain brain;
  final OptimizerConfig optimizer;
  final AdamW opt;

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

  @Override
  public void close() {
    opt.close();
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
