package io.vivarium.brain.grow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.AdamW;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heads and MLP widths of their own ({@link BrainShape#headDim}, {@link BrainShape#mlp}):
 * ADD_HEAD and WIDEN_MLP keep every output; they compose with WIDEN and DEEPEN; PRUNE_HEAD
 * removes a just-added head and gives back the original outputs; such shapes survive the file.
 */
class UnitsTest {
  private static final BrainShape ONE = BrainShape.preset("tiny").with(1, 2, 16, 24, 0);
  private static final BrainShape TWO = BrainShape.preset("tiny").with(2, 4, 16, 24, 0);

  @Test
  void addingAHeadOrMlpUnitsKeepsEveryOutput() {
    for (BrainShape s : List.of(ONE, TWO, ONE.withGroup(3), TWO.withPatches(2, 8))) {
      GrowingTest.assertSameOutputs(s, Growth.ADD_HEAD, 12);
      GrowingTest.assertSameOutputs(s, Growth.WIDEN_MLP, 13);
    }
  }

  @Test
  void everyOperatorComposesAndTheShapeSurvivesTheFile() throws Exception {
    try (TorchBrain brain = TorchBrain.create(TWO, 3)) {
      brain.mutate(0.05, 3);
      List<BrainInput> in = Outputs.inputs(TWO, 3, true, 9);
      Outputs before = Outputs.of(brain, in);
      TorchBrain b = brain.copy();
      for (Growth g : List.of(Growth.ADD_HEAD, Growth.WIDEN, Growth.WIDEN_MLP, Growth.DEEPEN, Growth.ADD_HEAD)) {
        TorchBrain next = Growing.apply(b, g, 7);
        b.close();
        b = next;
        assertThat(b.parameterCount()).as(g.key()).isEqualTo(b.shape().parameterCount());
      }
      try (TorchBrain grown = b;
          TorchBrain read = TorchBrain.fromBytes(grown.toBytes(), "grown")) {
        BrainShape s = grown.shape();
        assertThat(s.heads()).isEqualTo(11); // (4 + 1) · 2 + 1
        assertThat(s.headDim()).isEqualTo(4);
        assertThat(s.dim()).isEqualTo(32);
        assertThat(s.mlp()).isEqualTo(192); // 64 · 2, then half as many again
        assertThat(s.describe()).contains("headDim=4\n").contains("mlp=192\n");
        assertThat(read.shape()).isEqualTo(s);
        assertThat(Outputs.of(read, in).maxAbsDiff(before)).isLessThanOrEqualTo(1e-5);
      }
    }
    assertThat(TWO.describe()).doesNotContain("headDim").doesNotContain("mlp"); // old files read as before
  }

  @Test
  void aJustAddedHeadIsTheOnePrunedAndTheOutputsReturn() {
    try (TorchBrain brain = TorchBrain.create(TWO, 4);
        TorchBrain more = Growing.apply(brain, Growth.ADD_HEAD, 4)) {
      brain.mutate(0.0, 4);
      List<BrainInput> in = Outputs.inputs(TWO, 3, false, 4);
      assertThat(Growing.weakestHeads(more, Pruning.probe(TWO, 1), 1)).containsOnly(TWO.heads());
      try (TorchBrain back = Growing.apply(more, Growth.PRUNE_HEAD, 1)) {
        assertThat(back.shape()).isEqualTo(TWO);
        assertThat(Outputs.of(back, in).maxAbsDiff(Outputs.of(brain, in))).isEqualTo(0.0);
      }
      byte[] state = more.update(w -> {
        try (AdamW opt = new AdamW(w, 0.9, 0.99, 1e-8, 0.1)) {
          return opt.exportState();
        }
      });
      byte[] mapped = Growing.optimizerState(more, Growth.PRUNE_HEAD, 1, state);
      try (TorchBrain back = TorchBrain.create(TWO, 1)) {
        back.update(w -> {
          try (AdamW opt = new AdamW(w, 0.9, 0.99, 1e-8, 0.1)) {
            opt.importState(mapped);
            return null;
          }
        });
      }
    }
    assertThatThrownBy(() -> Growing.apply(ONE.withHeads(1, 16), java.util.Map.of(), Growth.PRUNE_HEAD, 1))
        .hasMessageContaining("cannot prune a head from a brain of 1 head");
  }
}
