package io.vivarium.brain.grow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.Autograd;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optimizer-state map: at the moment of widening, every grown parameter's gradient is r
 * times its original's (r = 1/2, or 1 for the final LayerNorm and the heads' biases); so one
 * AdamW step from the mapped state gives the mapped state of the original's step. Deepening
 * keeps the old parameters' gradients and moments exactly; narrowing a just-widened brain divides
 * the ratio back out.
 */
class GrowthMomentsTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 8, 16, 0).withPatches(2, 8);

  @Test
  void wideningMapsGradientsAndMomentsByTheirRatio() {
    check(SHAPE, Growth.WIDEN, 3);
    check(SHAPE.withGroup(2), Growth.WIDEN, 4);
  }

  @Test
  void deepeningKeepsTheOldMoments() {
    for (long seed = 1; seed <= 3; seed++) {
      check(SHAPE, Growth.DEEPEN, seed);
    }
  }

  @Test
  void addingUnitsKeepsTheOldMoments() {
    check(SHAPE, Growth.ADD_HEAD, 5);
    check(SHAPE, Growth.WIDEN_MLP, 6);
  }

  @Test
  void narrowingAJustWidenedBrainDividesTheRatioBackOut() {
    Torch.engine();
    List<BrainInput> in = Outputs.inputs(SHAPE, 3, true, 8);
    try (Arena root = Arena.newRoot();
        Weights w = Weights.init(SHAPE, root, 8);
        Weights wide = Weights.of(Widen.shape(SHAPE), root, Widen.weights(SHAPE, w.toArrays()))) {
      Map<String, float[]> gradients = gradients(w, in);
      Map<String, float[]> narrowed = Narrow.map(Widen.shape(SHAPE), gradients(wide, in), Widen.Kind.FIRST);
      gradients.forEach((name, g) -> assertClose(narrowed.get(name), g, "gradient " + name));
    }
  }

  private static void check(BrainShape shape, Growth g, long seed) {
    Torch.engine();
    List<BrainInput> in = Outputs.inputs(shape, 3, true, seed);
    try (Arena root = Arena.newRoot();
        Weights w = Weights.init(shape, root, seed);
        AdamW opt = new AdamW(w, 0.9, 0.99, 1e-8, 0.1)) {
      step(w, opt, in);
      Map<String, float[]> values = w.toArrays();
      byte[] first = opt.exportState();
      Map<String, float[]> gradients = gradients(w, in);
      stepOnly(opt, root);
      byte[] second = opt.exportState();

      Grown grown = Growing.apply(shape, values, g, seed);
      try (Weights gw = Weights.of(grown.shape(), root, grown.weights());
          AdamW gopt = new AdamW(gw, 0.9, 0.99, 1e-8, 0.1)) {
        gopt.importState(Growing.optimizerState(shape, g, seed, first));
        Map<String, float[]> grownGradients = gradients(gw, in);
        stepOnly(gopt, root);
        AdamState expected = AdamState.read(grown.shape(), Growing.optimizerState(shape, g, seed, second));
        AdamState got = AdamState.read(grown.shape(), gopt.exportState());
        assertThat(got.steps()).isEqualTo(2);
        Map<String, float[]> expectedGradients = switch (g) {
          case WIDEN -> Widen.map(shape, gradients, Widen.Kind.FIRST);
          case DEEPEN -> Blocks.insert(shape, gradients, Blocks.position(shape, seed), null);
          case ADD_HEAD -> Units.addHead(shape, gradients, null);
          case WIDEN_MLP -> Units.widenMlp(shape, gradients, null);
          default -> throw new IllegalArgumentException(g.key());
        };
        String fresh = "h" + Blocks.position(shape, seed) + ".";
        for (String name : grown.weights().keySet()) {
          if (g == Growth.DEEPEN && name.startsWith(fresh)
              || g == Growth.ADD_HEAD && name.endsWith("proj.w")
              || g == Growth.WIDEN_MLP && name.endsWith("out.w")) {
            continue; // new parameters' moments start at zero and follow their own (non-zero) gradients
          }
          assertClose(grownGradients.get(name), expectedGradients.get(name), "gradient " + name);
          assertClose(got.first().get(name), expected.first().get(name), "first moment " + name);
          assertClose(got.second().get(name), expected.second().get(name), "second moment " + name);
        }
      }
    }
  }

  private static void assertClose(float[] got, float[] expected, String what) {
    assertThat(got).as(what).hasSameSizeAs(expected);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < got.length; i++) {
      assertThat((double) Math.abs(got[i] - expected[i])).as("%s[%d]: %s vs %s", what, i, got[i], expected[i])
          .isLessThanOrEqualTo(1e-4 * scale + 1e-12);
    }
  }

  /** loss = Σ log p(byte 65) + Σ values + Σ decoded patches / 10, over every position. */
  private static void backward(Weights w, Arena m, List<BrainInput> in) {
    Batch b = Batch.of(m, w.shape(), in);
    Autograd.record(() -> {
      Tensor h = Transformer.hidden(w, b, true); // (B, S, C)
      Tensor loss = Transformer.logits(w, h).logSoftmax(-1).get(":, :, 65").sum()
          .add(Transformer.values(w, h).sum())
          .add(Transformer.patches(w, h).sum().div(m.create(10f)));
      Autograd.backward(loss);
      return null;
    });
    Autograd.off();
  }

  private static void stepOnly(AdamW opt, Arena root) {
    try (Arena m = root.newChild()) {
      opt.step(m, 1e-3, 0);
    }
  }

  static void step(Weights w, AdamW opt, List<BrainInput> in) {
    try (Arena m = w.arena().newChild()) {
      backward(w, m, in);
      opt.step(m, 1e-3, 0);
    }
  }

  /** The gradients of the loss, left in place for the optimizer's next step. */
  private static Map<String, float[]> gradients(Weights w, List<BrainInput> in) {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (Arena m = w.arena().newChild()) {
      backward(w, m, in);
      for (Map.Entry<String, Tensor> e : w.all().entrySet()) {
        out.put(e.getKey(), e.getValue().getGradient().toFloatArray());
      }
    }
    return out;
  }
}
