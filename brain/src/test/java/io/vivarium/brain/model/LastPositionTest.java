package io.vivarium.brain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.Autograd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Transformer#last} (the last block for the last positions only) equals the full
 * forward pass at those positions, in values and in every parameter's gradient.
 */
class LastPositionTest {
  private static final BrainShape SHAPE = ReferenceForwardTest.SHAPE;

  private static List<BrainInput> padded() {
    return List.of(
        ReferenceForwardTest.withPatches(new int[] {257, 72, 105, 260, 33}, 2, 1),
        ReferenceForwardTest.withPatches(new int[] {257, 10, 200}, 3, 2),
        ReferenceForwardTest.withPatches(new int[] {257, 10, 200, 7}, 0, 3));
  }

  private static List<BrainInput> unpadded() {
    return List.of(
        ReferenceForwardTest.withPatches(new int[] {257, 72, 105, 260}, 4, 1),
        ReferenceForwardTest.withPatches(new int[] {257, 10, 200, 9}, 4, 2));
  }

  @Test
  void lastEqualsTheFullPassAtEachRowsLastPosition() {
    Torch.engine();
    Map<String, float[]> values = ReferenceForwardTest.randomWeights(SHAPE, 31);
    for (List<BrainInput> inputs : List.of(padded(), unpadded())) {
      try (Arena root = Arena.newRoot();
          Weights w = Weights.of(SHAPE, root, values);
          Arena m = root.newChild()) {
        Batch batch = Batch.of(m, SHAPE, inputs);
        // no mask at all when nothing is hidden: every row unpadded and all prefix
        assertThat(batch.mask() == null)
            .isEqualTo(inputs.stream().allMatch(in -> in.prefix() == batch.width()));
        float[] full = Transformer.hidden(w, batch, false).toFloatArray(); // (B, S, C)
        float[] last = Transformer.last(w, batch, false).toFloatArray(); // (B, C)
        int c = SHAPE.dim();
        for (int b = 0; b < inputs.size(); b++) {
          int pos = batch.patchCount() + inputs.get(b).tokens().length - 1;
          for (int k = 0; k < c; k++) {
            assertThat(last[b * c + k])
                .isCloseTo(full[(b * batch.sequence() + pos) * c + k], within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void gradientsThroughLastEqualGradientsThroughTheFullPass() {
    Torch.engine();
    Map<String, float[]> values = ReferenceForwardTest.randomWeights(SHAPE, 32);
    List<BrainInput> inputs = padded();
    Map<String, float[]> viaLast = gradients(values, inputs, (w, b) -> Transformer.last(w, b, true));
    Map<String, float[]> viaFull = gradients(values, inputs, (w, b) -> {
      Tensor h = Transformer.hidden(w, b, true); // (B, S, C)
      long[] index = new long[b.size() * SHAPE.dim()];
      for (int i = 0; i < b.size(); i++) {
        java.util.Arrays.fill(index, i * SHAPE.dim(), (i + 1) * SHAPE.dim(),
            b.patchCount() + b.lengths()[i] - 1L);
      }
      Tensor idx = h.arena().create(index, new Shape(b.size(), 1, SHAPE.dim()));
      return h.gather(idx, 1).squeeze(1);
    });
    viaFull.forEach((name, g) -> {
      float[] l = viaLast.get(name);
      for (int i = 0; i < g.length; i++) {
        assertThat(l[i]).as("d/d %s[%d]", name, i).isCloseTo(g[i], within(1e-5f));
      }
    });
  }

  private static Map<String, float[]> gradients(Map<String, float[]> values, List<BrainInput> inputs,
      java.util.function.BiFunction<Weights, Batch, Tensor> head) {
    try (Arena root = Arena.newRoot();
        Weights w = Weights.of(SHAPE, root, values);
        Arena m = root.newChild()) {
      Batch batch = Batch.of(m, SHAPE, inputs);
      Autograd.record(() -> {
        Tensor last = head.apply(w, batch); // (B, C)
        Tensor loss = Transformer.logits(w, last).logSoftmax(-1).get(":, 65").sum()
            .add(Transformer.values(w, last).sum());
        Autograd.backward(loss);
        return null;
      });
      Map<String, float[]> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Tensor> e : w.all().entrySet()) {
        Tensor g = e.getValue().getGradient();
        g.attach(m);
        out.put(e.getKey(), g.toFloatArray());
      }
      return out;
    }
  }
}
