package io.vivarium.brain.grow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.AdamW;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PRUNE_BLOCK removes the block of least effect: a just-deepened block (it adds exactly zero)
 * is the one removed, and the brain then computes exactly what it did before deepening.
 */
class PruneTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(3, 2, 16, 24, 0);

  @Test
  void aJustDeepenedBlockIsTheOnePrunedAndTheOutputsReturn() {
    for (long seed = 1; seed <= 3; seed++) {
      try (TorchBrain brain = TorchBrain.create(SHAPE, seed);
          TorchBrain deeper = Growing.apply(brain, Growth.DEEPEN, seed)) {
        List<BrainInput> in = Outputs.inputs(SHAPE, 3, true, seed);
        Outputs before = Outputs.of(brain, in);
        int inserted = Blocks.position(SHAPE, seed);
        assertThat(Growing.weakestBlock(deeper, Pruning.probe(SHAPE, 9), 9)).isEqualTo(inserted);
        Grown pruned = Growing.prune(deeper, in, seed);
        assertThat(pruned.description()).startsWith("pruned block " + inserted + " of 4");
        try (TorchBrain back = TorchBrain.of(pruned.shape(), pruned.weights());
            TorchBrain viaSeed = Growing.apply(deeper, Growth.PRUNE_BLOCK, seed)) {
          assertThat(back.shape()).isEqualTo(SHAPE);
          assertThat(Outputs.of(back, in).maxAbsDiff(before)).isEqualTo(0.0);
          assertThat(Outputs.of(viaSeed, in).maxAbsDiff(before)).isEqualTo(0.0);
        }
      }
    }
  }

  @Test
  void thePrunedOptimizerStateFitsThePrunedBrain() {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 5);
        TorchBrain pruned = Growing.apply(brain, Growth.PRUNE_BLOCK, 5)) {
      byte[] state = brain.update(w -> {
        try (AdamW opt = new AdamW(w, 0.9, 0.99, 1e-8, 0.1)) {
          return opt.exportState();
        }
      });
      byte[] mapped = Growing.optimizerState(brain, Growth.PRUNE_BLOCK, 5, state);
      pruned.update(w -> {
        try (AdamW opt = new AdamW(w, 0.9, 0.99, 1e-8, 0.1)) {
          opt.importState(mapped);
          return null;
        }
      });
      assertThat(pruned.shape().layers()).isEqualTo(2);
    }
  }
}
