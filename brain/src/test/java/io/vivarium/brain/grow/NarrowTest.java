package io.vivarium.brain.grow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.model.Weights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NARROW and PRUNE_MLP undo WIDEN and WIDEN_MLP: right after the growth they give back the
 * original weights and outputs (and optimizer moments); on a trained brain they give a valid,
 * smaller brain; their limits are named.
 */
class NarrowTest {
  private static final BrainShape ONE = BrainShape.preset("tiny").with(1, 2, 16, 24, 0);
  private static final BrainShape TWO = BrainShape.preset("tiny").with(2, 4, 16, 24, 0);

  @Test
  void narrowingAJustWidenedBrainGivesItBack() {
    BrainShape oddHeads = TWO.withHeads(3, 4); // attention 12 ≠ dim 16, after an ADD_HEAD
    for (BrainShape s : List.of(ONE, TWO, ONE.withGroup(3), TWO.withPatches(2, 8), oddHeads, TWO.withMlp(24))) {
      undoes(s, Growth.WIDEN, Growth.NARROW, 1e-6, 1e-5);
    }
  }

  @Test
  void pruningAJustWidenedMlpRemovesTheNewUnitsAndGivesTheBrainBack() {
    for (BrainShape s : List.of(ONE, TWO.withPatches(2, 8), ONE.withGroup(3), TWO.withMlp(1), TWO.withMlp(7))) {
      undoes(s, Growth.WIDEN_MLP, Growth.PRUNE_MLP, 0, 0);
    }
    for (int f = 1; f <= 200; f++) {
      BrainShape s = ONE.withMlp(f);
      assertThat(Units.prunedMlp(s.withMlp(Units.widerMlp(s)))).as("mlp %d", f).isEqualTo(f);
    }
  }

  /** {@code grow} then {@code shrink}: weights within {@code weights}, outputs within {@code outputs}. */
  private static void undoes(BrainShape s, Growth grow, Growth shrink, double weights, double outputs) {
    try (TorchBrain brain = TorchBrain.create(s, 5)) {
      brain.mutate(0.05, 5);
      List<BrainInput> in = Outputs.inputs(s, 3, true, 8);
      try (TorchBrain grown = Growing.apply(brain, grow, 2);
          TorchBrain back = Growing.apply(grown, shrink, 3)) {
        String what = grow.key() + " then " + shrink.key() + " of " + s.describe();
        assertThat(back.shape()).as(what).isEqualTo(s);
        assertThat(Outputs.of(back, in).maxAbsDiff(Outputs.of(brain, in))).as(what).isLessThanOrEqualTo(outputs);
        Map<String, float[]> original = brain.infer(Weights::toArrays);
        back.infer(Weights::toArrays).forEach((name, v) -> {
          for (int i = 0; i < v.length; i++) {
            assertThat((double) Math.abs(v[i] - original.get(name)[i])).as("%s %s[%d]", what, name, i)
                .isLessThanOrEqualTo(weights);
          }
        });
        Grown viaProbe = Growing.prune(grown, shrink, List.of(), 3); // neither reads the probe
        assertThat(viaProbe.shape()).isEqualTo(s);
      }
    }
  }

  @Test
  void theMomentsOfAGrowthAreGivenBackToo() {
    BrainShape s = TWO.withPatches(2, 8).withGroup(2);
    try (TorchBrain brain = TorchBrain.create(s, 6)) {
      byte[] state = stateAfterOneStep(brain);
      byte[] wide = Growing.optimizerState(s, Growth.WIDEN, 1, state);
      assertSameState(s, Growing.optimizerState(Widen.shape(s), Growth.NARROW, 1, wide), state);
      BrainShape more = s.withMlp(Units.widerMlp(s));
      byte[] widerMlp = Growing.optimizerState(s, Growth.WIDEN_MLP, 1, state);
      try (TorchBrain grown = Growing.apply(brain, Growth.WIDEN_MLP, 4)) {
        assertThat(grown.shape()).isEqualTo(more);
        assertSameState(s, Growing.optimizerState(grown, Growth.PRUNE_MLP, 1, widerMlp), state);
      }
    }
  }

  @Test
  void aTrainedBrainNarrowsToAValidSmallerBrainWhoseOptimizerStateFits() {
    try (TorchBrain brain = TorchBrain.create(TWO, 7)) {
      brain.mutate(0.2, 7);
      byte[] state = stateAfterOneStep(brain);
      for (Growth g : List.of(Growth.NARROW, Growth.PRUNE_MLP)) {
        assertThat(g.shrinks()).isTrue();
        try (TorchBrain small = Growing.apply(brain, g, 1)) {
          assertThat(small.parameterCount()).as(g.key()).isEqualTo(small.shape().parameterCount())
              .isLessThan(brain.parameterCount());
          assertThat(small.shape().mlp()).isEqualTo(g == Growth.NARROW ? 32 : 43);
          byte[] mapped = Growing.optimizerState(brain, g, 1, state);
          small.update(w -> {
            try (AdamW opt = new AdamW(w, 0.9, 0.99, 1e-8, 0.1)) {
              opt.importState(mapped);
              return null;
            }
          });
        }
      }
    }
  }

  @Test
  void limitsAreNamed() {
    BrainShape odd = BrainShape.preset("tiny").with(1, 1, 16, 8, 0);
    assertThat(Growing.applies(odd, Growth.NARROW)).isFalse();
    assertThatThrownBy(() -> Growing.apply(odd, Map.of(), Growth.NARROW, 1))
        .hasMessage("cannot narrow a brain of dim 16, 1 heads and mlp 64: all three must be even"
            + " (narrowing halves them)");
    assertThat(Growing.applies(TWO.withMlp(1), Growth.PRUNE_MLP)).isFalse();
    assertThat(Growing.applies(TWO.withMlp(2), Growth.PRUNE_MLP)).isTrue();
    assertThatThrownBy(() -> Growing.optimizerState(TWO, Growth.PRUNE_MLP, 1, new byte[0]))
        .hasMessageContaining("use optimizerState(brain, PRUNE_MLP, seed, state)");
    assertThatThrownBy(() -> Growing.withoutMlpUnits(TWO, new int[][] {{0, 0}, {1, 2}}, new byte[0]))
        .hasMessageContaining("block 0 has [0, 0]");
    assertThat(Growth.parse("Narrow")).isEqualTo(Growth.NARROW);
    assertThat(Growth.parse("prune-mlp")).isEqualTo(Growth.PRUNE_MLP);
  }

  private static byte[] stateAfterOneStep(TorchBrain brain) {
    return brain.update(w -> {
      try (AdamW opt = new AdamW(w, 0.9, 0.99, 1e-8, 0.1)) {
        GrowthMomentsTest.step(w, opt, Outputs.inputs(w.shape(), 2, true, 3));
        return opt.exportState();
      }
    });
  }

  private static void assertSameState(BrainShape s, byte[] got, byte[] expected) {
    AdamState a = AdamState.read(s, got);
    AdamState b = AdamState.read(s, expected);
    assertThat(a.steps()).isEqualTo(b.steps());
    for (String name : b.first().keySet()) {
      assertThat(a.first().get(name)).as("first moment " + name).isEqualTo(b.first().get(name));
      assertThat(a.second().get(name)).as("second moment " + name).isEqualTo(b.second().get(name));
    }
  }
}
