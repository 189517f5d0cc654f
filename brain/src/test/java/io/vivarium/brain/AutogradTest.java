package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.learn.Steps;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.core.Channel;
import io.vivarium.core.config.OptimizerConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two brains trained on two threads at the same instant end exactly where they end when trained
 * one after the other: gradient recording is per thread, and one brain's backward pass never
 * touches the other's gradients.
 */
class AutogradTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 16, 16, 0.0);
  private static final int STEPS = 40;

  @Test
  void concurrentUpdatesOfTwoBrainsEqualSequentialOnes() throws Exception {
    Torch.engine();
    Map<String, float[]> alone1 = train(1);
    Map<String, float[]> alone2 = train(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Map<String, float[]>> f1 = pool.submit(() -> train(1));
      Future<Map<String, float[]>> f2 = pool.submit(() -> train(2));
      Map<String, float[]> together1 = f1.get();
      Map<String, float[]> together2 = f2.get();
      for (String name : alone1.keySet()) {
        assertThat(together1.get(name)).as(name).containsExactly(alone1.get(name));
        assertThat(together2.get(name)).as(name).containsExactly(alone2.get(name));
      }
      assertThat(alone1.get("tok")).isNotEqualTo(alone2.get("tok"));
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@link #STEPS} AdamW steps of a next-token loss on a fixed sequence from brain {@code seed}. */
  private static Map<String, float[]> train(long seed) {
    int[] tokens = {257, 72, 105, 33, 10, 66, 72, 105};
    try (TorchBrain brain = TorchBrain.create(SHAPE, seed);
        AdamW opt = AdamW.of(brain, OptimizerConfig.defaults())) {
      for (int i = 0; i < STEPS; i++) {
        Steps.minimize(brain, opt, 1e-2, 1.0, (w, m) -> {
          Batch b = Batch.of(m, SHAPE, List.of(BrainInput.of(tokens, Channel.TEXT, 0)));
          Tensor next = m.create(new long[] {72, 105, 33, 10, 66, 72, 105, 33}, new Shape(1, 8));
          return Transformer.crossEntropy(Transformer.logits(w, Transformer.hidden(w, b, false)), next, null);
        });
      }
      return brain.infer(w -> w.toArrays());
    }
  }
}
