package io.vivarium.brain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Patches;
import io.vivarium.brain.Torch;
import io.vivarium.core.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tensor forward pass equals a naive loop-by-loop implementation with the same weights. */
class ReferenceForwardTest {
  static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 8, 8, 0).withPatches(2, 3);

  /** Random weights large enough that every part of the network matters. */
  static Map<String, float[]> randomWeights(BrainShape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, float[]> m = new LinkedHashMap<>();
    Weights.layout(shape).forEach((name, s) -> {
      float[] v = new float[Math.toIntExact(s.size())];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (name.endsWith(".g") ? 1 + 0.2 * rng.nextGaussian() : 0.4 * rng.nextGaussian());
      }
      m.put(name, v);
    });
    return m;
  }

  static BrainInput withPatches(int[] tokens, int prefix, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] values = new float[2 * SHAPE.patchValues()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) rng.nextDouble();
    }
    byte[] channels = new byte[tokens.length];
    for (int i = 0; i < channels.length; i++) {
      channels[i] = (byte) (i % Channel.values().length);
    }
    return new BrainInput(tokens, channels, prefix,
        new Patches(2, values, new int[] {0, 2}, new int[] {1, 2}));
  }

  @Test
  void forwardMatchesNaiveImplementation() {
    forwardMatchesNaiveImplementation(SHAPE);
    // attention and MLP widths of their own (3 heads of 4 over dim 8; 20 hidden units)
    forwardMatchesNaiveImplementation(SHAPE.withHeads(3, 4).withMlp(20));
  }

  private static void forwardMatchesNaiveImplementation(BrainShape shape) {
    Torch.engine();
    Map<String, float[]> values = randomWeights(shape, 11);
    NaiveTransformer naive = new NaiveTransformer(shape, values);
    List<BrainInput> inputs = List.of(
        withPatches(new int[] {257, 72, 105, 260, 33}, 2, 1),
        withPatches(new int[] {257, 10, 200}, 0, 2));
    try (Arena root = Arena.newRoot();
        Weights w = Weights.of(shape, root, values)) {
      Arena m = root.newChild();
      Batch batch = Batch.of(m, shape, inputs);
      Tensor hidden = Transformer.hidden(w, batch, false);
      float[] h = hidden.toFloatArray(); // (B, S, C)
      float[] logits = Transformer.logits(w, hidden).toFloatArray(); // (B, S, V)
      float[] vals = Transformer.values(w, hidden).toFloatArray(); // (B, S)
      float[] patches = Transformer.patches(w, hidden).toFloatArray(); // (B, S, P3)
      int s = batch.sequence();
      for (int b = 0; b < inputs.size(); b++) {
        double[][] ref = naive.hidden(inputs.get(b));
        for (int i = 0; i < ref.length; i++) {
          int row = b * s + i;
          for (int k = 0; k < shape.dim(); k++) {
            assertThat((double) h[row * shape.dim() + k]).isCloseTo(ref[i][k], within(1e-5));
          }
          double[] z = naive.logits(ref[i]);
          for (int v = 0; v < shape.vocab(); v++) {
            assertThat((double) logits[row * shape.vocab() + v]).isCloseTo(z[v], within(1e-5));
          }
          assertThat((double) vals[row]).isCloseTo(naive.value(ref[i]), within(1e-5));
          double[] p = naive.patch(ref[i]);
          for (int k = 0; k < p.length; k++) {
            assertThat((double) patches[row * p.length + k]).isCloseTo(p[k], within(1e-5));
          }
        }
      }
      m.close();
    }
  }

  @Test
  void prefixIsAttendedFullyAndTheRestCausally() {
    Map<String, float[]> values = randomWeights(SHAPE, 12);
    NaiveTransformer naive = new NaiveTransformer(SHAPE, values);
    BrainInput a = withPatches(new int[] {257, 72, 105, 260, 33, 34}, 3, 1);
    BrainInput laterPrefix = withPatches(new int[] {257, 72, 106, 260, 33, 34}, 3, 1);
    BrainInput laterTarget = withPatches(new int[] {257, 72, 105, 260, 33, 99}, 3, 1);
    double[][] ha = naive.hidden(a);
    // changing the last prefix token (position 2 + 2 patches) changes the first token's state
    assertThat(naive.hidden(laterPrefix)[2][0]).isNotCloseTo(ha[2][0], within(1e-9));
    // changing the last generated token leaves every earlier position unchanged
    double[][] hc = naive.hidden(laterTarget);
    for (int i = 0; i < ha.length - 1; i++) {
      assertThat(hc[i]).containsExactly(ha[i]);
    }
    // and the tensor version agrees with both facts
    try (Arena root = Arena.newRoot();
        Weights w = Weights.of(SHAPE, root, values)) {
      float[] fa = Transformer.hidden(w, Batch.of(root, SHAPE, List.of(a)), false).toFloatArray();
      float[] fc = Transformer.hidden(w, Batch.of(root, SHAPE, List.of(laterTarget)), false)
          .toFloatArray();
      int before = (ha.length - 1) * SHAPE.dim();
      for (int i = 0; i < before; i++) {
        assertThat(fc[i]).isEqualTo(fa[i]);
      }
    }
  }
}
