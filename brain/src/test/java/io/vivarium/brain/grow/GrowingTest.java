package io.vivarium.brain.grow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainedFor;
import io.vivarium.brain.model.Weights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WIDEN and DEEPEN keep every output of a brain (full pass, {@code last}, the cached greedy
 * sampler) within 1e-5, for shapes with and without groups and patches; grown brains survive
 * their file; the shape's parameter count matches the grown weights; limits are named.
 */
class GrowingTest {
  private static final BrainShape ONE = BrainShape.preset("tiny").with(1, 2, 16, 24, 0);
  private static final BrainShape TWO = BrainShape.preset("tiny").with(2, 4, 16, 24, 0);
  private static final double EXACT = 1e-5;

  static void assertSameOutputs(BrainShape shape, Growth g, long seed) {
    try (TorchBrain brain = TorchBrain.create(shape, seed)) {
      brain.mutate(0.05, seed); // non-zero biases and sharper attention than the initialisation's
      for (boolean patches : new boolean[] {false, true}) {
        List<BrainInput> in = Outputs.inputs(shape, 3, patches, seed + 7);
        Outputs before = Outputs.of(brain, in);
        try (TorchBrain grown = Growing.apply(brain, g, seed)) {
          Outputs after = Outputs.of(grown, in);
          assertThat(after.maxAbsDiff(before)).as("%s of %s, patches %s", g, shape.describe(), patches)
              .isLessThanOrEqualTo(EXACT);
          for (int i = 0; i < before.tokens().size(); i++) {
            assertThat(after.tokens().get(i)).isEqualTo(before.tokens().get(i));
          }
          assertThat(grown.parameterCount()).isEqualTo(grown.shape().parameterCount());
        }
      }
      assertThat(Outputs.of(brain, Outputs.inputs(shape, 1, false, 1)).arrays()).isNotEmpty();
    }
  }

  @Test
  void wideningKeepsEveryOutput() {
    for (BrainShape s : List.of(ONE, TWO, ONE.withGroup(3), TWO.withPatches(2, 8))) {
      assertSameOutputs(s, Growth.WIDEN, 11);
    }
  }

  @Test
  void deepeningKeepsEveryOutputWhereverTheBlockGoes() {
    for (long seed = 1; seed <= 4; seed++) { // positions 0..2 of TWO
      assertSameOutputs(TWO, Growth.DEEPEN, seed);
    }
    assertSameOutputs(ONE.withGroup(3), Growth.DEEPEN, 5);
  }

  @Test
  void wideningTwiceKeepsEveryOutputAndTheShapeCountsTheParameters() {
    try (TorchBrain brain = TorchBrain.create(TWO, 3)) {
      brain.mutate(0.05, 3);
      List<BrainInput> in = Outputs.inputs(TWO, 3, true, 9);
      Outputs before = Outputs.of(brain, in);
      try (TorchBrain wide = Growing.apply(brain, Growth.WIDEN, 1);
          TorchBrain wider = Growing.apply(wide, Growth.WIDEN, 2);
          TorchBrain deeper = Growing.apply(wider, Growth.DEEPEN, 3)) {
        assertThat(wider.shape().dim()).isEqualTo(64);
        assertThat(wider.shape().heads()).isEqualTo(16);
        assertThat(wider.shape().headDim()).isEqualTo(TWO.headDim());
        assertThat(Outputs.of(deeper, in).maxAbsDiff(before)).isLessThanOrEqualTo(EXACT);
        assertThat(deeper.shape().layers()).isEqualTo(3);
        for (TorchBrain b : List.of(wide, wider, deeper)) {
          assertThat(b.parameterCount()).isEqualTo(b.shape().parameterCount());
        }
      }
    }
  }

  @Test
  void aGrownBrainSurvivesItsFileAndKeepsWhatItWasTrainedFor() throws Exception {
    try (TorchBrain brain = TorchBrain.create(ONE, 4)) {
      brain.setTrainedFor(new TrainedFor("gold", "gold-bare-5x5", "prefix:12"));
      try (TorchBrain grown = Growing.apply(brain, Growth.WIDEN, 1);
          TorchBrain read = TorchBrain.fromBytes(grown.toBytes(), "grown")) {
        assertThat(read.shape()).isEqualTo(grown.shape());
        assertThat(read.trainedFor()).isEqualTo(brain.trainedFor());
        Map<String, float[]> a = grown.infer(Weights::toArrays);
        Map<String, float[]> b = read.infer(Weights::toArrays);
        a.forEach((name, v) -> assertThat(b.get(name)).as(name).isEqualTo(v));
      }
      assertThat(brain.shape()).isEqualTo(ONE); // the original is untouched
    }
  }

  @Test
  void theInputWeightsAreNotModified() {
    try (TorchBrain brain = TorchBrain.create(TWO, 6)) {
      Map<String, float[]> values = brain.infer(Weights::toArrays);
      Map<String, float[]> copy = brain.infer(Weights::toArrays);
      for (Growth g : Growth.values()) {
        Grown grown = Growing.apply(TWO, values, g, 2);
        assertThat(grown.count()).isEqualTo(grown.shape().parameterCount());
        assertThat(grown.description()).isNotBlank();
      }
      copy.forEach((name, v) -> assertThat(values.get(name)).as(name).isEqualTo(v));
    }
  }

  @Test
  void limitsAreNamed() {
    BrainShape wide = BrainShape.preset("tiny").with(1, 2, BrainShape.MAX_DIM, 8, 0);
    assertThat(Growing.applies(wide, Growth.WIDEN)).isFalse();
    assertThatThrownBy(() -> Growing.apply(wide, Map.of(), Growth.WIDEN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot widen a brain of dim 4096").hasMessageContaining("limit 4096");
    BrainShape manyHeads = BrainShape.preset("tiny").with(1, 64, 64, 8, 0);
    assertThatThrownBy(() -> Growing.optimizerState(manyHeads, Growth.WIDEN, 1, new byte[0]))
        .hasMessageContaining("128 heads would exceed the limit 64");
    BrainShape deep = BrainShape.preset("tiny").with(BrainShape.MAX_LAYERS, 1, 4, 8, 0);
    assertThat(Growing.applies(deep, Growth.DEEPEN)).isFalse();
    assertThat(Growing.applies(ONE, Growth.PRUNE_BLOCK)).isFalse();
    assertThat(Growing.applies(TWO, Growth.PRUNE_BLOCK)).isTrue();
    assertThatThrownBy(() -> Growing.apply(ONE, Map.of(), Growth.PRUNE_BLOCK, 1))
        .hasMessageContaining("cannot prune a block from a brain of 1 layer");
    assertThat(Growth.parse("Prune-Block")).isEqualTo(Growth.PRUNE_BLOCK);
    assertThatThrownBy(() -> Growth.parse("grow"))
        .hasMessage("unknown growth 'grow'; known: widen, deepen, prune-block, add-head, widen-mlp, prune-head, narrow,"
            + " prune-mlp");
  }
}
