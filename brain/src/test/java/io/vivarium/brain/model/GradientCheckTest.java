package io.vivarium.brain.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Index;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.Autograd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Autograd's gradients of the next-token loss equal central finite differences of the naive
 * double-precision loss, for parameters from every part of the network.
 */
class GradientCheckTest {
  private static final BrainShape SHAPE = ReferenceForwardTest.SHAPE;

  @Test
  void gradientsMatchFiniteDifferences() {
    Torch.engine();
    Map<String, float[]> values = ReferenceForwardTest.randomWeights(SHAPE, 21);
    BrainInput in = ReferenceForwardTest.withPatches(new int[] {257, 72, 105, 33, 10, 66}, 0, 3);
    int[] targets = {72, 105, 33, 10, 66, 258};
    int n = in.patches().count();
    String[][] probes = {
      {"tok", "583"}, {"tok", "0"}, {"chan", "9"}, {"pos", "17"}, {"patch.w", "5"},
      {"patch.row", "3"}, {"h0.ln1.g", "2"}, {"h0.attn.w", "40"}, {"h0.attn.b", "20"},
      {"h1.proj.w", "7"}, {"h1.fc.w", "100"}, {"h1.out.b", "4"}, {"lnf.b", "6"}
    };
    float[][] grads = new float[probes.length][];
    try (Arena root = Arena.newRoot();
        Weights w = Weights.of(SHAPE, root, values);
        Arena m = root.newChild()) {
      Batch batch = Batch.of(m, SHAPE, List.of(in));
      Tensor t = m.create(java.util.Arrays.stream(targets).asLongStream().toArray(),
          new Shape(1, targets.length));
      Autograd.record(() -> {
        Tensor hidden = Transformer.hidden(w, batch, true).get(new Index(":, {}:", n));
        Autograd.backward(Transformer.crossEntropy(Transformer.logits(w, hidden), t, null));
        return null;
      });
      for (int i = 0; i < probes.length; i++) {
        Tensor g = w.get(probes[i][0]).getGradient();
        g.attach(m);
        grads[i] = g.toFloatArray();
      }
    }
    NaiveTransformer naive = new NaiveTransformer(SHAPE, values);
    for (int i = 0; i < probes.length; i++) {
      float[] p = values.get(probes[i][0]);
      int k = Integer.parseInt(probes[i][1]);
      float orig = p[k];
      p[k] = orig + 1e-3f;
      double up = p[k] - (double) orig;
      double lossUp = naive.loss(in, targets);
      p[k] = orig - 1e-3f;
      double down = p[k] - (double) orig;
      double lossDown = naive.loss(in, targets);
      p[k] = orig;
      double fd = (lossUp - lossDown) / (up - down);
      double g = grads[i][k];
      assertThat(Math.abs(g - fd))
          .as("d loss / d %s[%d]: autograd %s, finite difference %s", probes[i][0], k, g, fd)
          .isLessThan(2e-4 + 1e-3 * Math.abs(fd));
      assertThat(Math.abs(fd)).as("probe %s[%d] has a gradient", probes[i][0], k)
          .isGreaterThan(1e-7);
    }
  }
}
