package io.vivarium.brain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Patches;
import io.vivarium.brain.Torch;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.model.Weights;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Policy#sequence} on rows that share prefixes (the shared-prefix path) gives the
 * log-probabilities, entropies and gradients of scoring each row whole, alone.
 */
class SharedPrefixTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 8, 32, 0);

  @Test
  void sharedPrefixesScoreAsWholeRows() {
    Torch.engine();
    Map<String, float[]> values = randomWeights(SHAPE, 5);
    List<BrainInput> prefixes = new ArrayList<>();
    int[][] tokens = rows(prefixes);
    float[][] shared = score(values, prefixes, tokens, null);
    for (int i = 0; i < tokens.length; i++) {
      float[][] alone = score(values, List.of(prefixes.get(i)), new int[][] {tokens[i]}, null);
      assertThat(alone[0]).hasSize(tokens[i].length);
      for (int j = 0; j < tokens[i].length; j++) {
        assertThat(shared[i][j]).as("row %d token %d", i, j).isCloseTo(alone[0][j], within(1e-4f));
      }
    }
  }

  @Test
  void gradientsEqualThoseOfWholeRows() {
    Torch.engine();
    Map<String, float[]> values = randomWeights(SHAPE, 6);
    List<BrainInput> prefixes = new ArrayList<>();
    int[][] tokens = rows(prefixes);
    Map<String, float[]> viaShared = new LinkedHashMap<>();
    score(values, prefixes, tokens, viaShared);
    Map<String, float[]> viaRows = new LinkedHashMap<>();
    scoreRowByRow(values, prefixes, tokens, viaRows);
    viaRows.forEach((name, g) -> {
      float[] s = viaShared.get(name);
      for (int k = 0; k < g.length; k++) {
        assertThat(s[k]).as("d/d %s[%d]", name, k).isCloseTo(g[k], within(1e-4f));
      }
    });
  }

  /** Two prefixes of 6 tokens, three continuations each of 1 to 5 tokens (some ending in eos). */
  private static int[][] rows(List<BrainInput> prefixes) {
    SplittableRandom r = new SplittableRandom(3);
    int[][] tokens = new int[6][];
    for (int g = 0; g < 2; g++) {
      int[] p = new int[6];
      byte[] c = new byte[6];
      p[0] = Vocabulary.BOS;
      for (int k = 1; k < 6; k++) {
        p[k] = r.nextInt(256);
        c[k] = (byte) Channel.NOISE.ordinal();
      }
      BrainInput in = new BrainInput(p, c, 6, Patches.none(1));
      for (int j = 0; j < 3; j++) {
        prefixes.add(in);
        int n = 1 + r.nextInt(5);
        tokens[g * 3 + j] = new int[n];
        for (int k = 0; k < n; k++) {
          tokens[g * 3 + j][k] = k == n - 1 && j == 1 ? Vocabulary.EOS : r.nextInt(256);
        }
      }
    }
    return tokens;
  }

  /** Each row's scored log-probabilities in order; with {@code grads}, the gradient of their sum. */
  private static float[][] score(Map<String, float[]> values, List<BrainInput> prefixes, int[][] tokens,
      Map<String, float[]> grads) {
    try (Arena root = Arena.newRoot();
        Weights w = Weights.of(SHAPE, root, values);
        Arena m = root.newChild()) {
      float[][] out = new float[tokens.length][];
      Autograd.record(() -> {
        Tensor[] seq = Policy.sequence(w, m, prefixes, tokens, Channel.MOTOR, 1.0, false);
        float[] lp = seq[0].toFloatArray();
        float[] mask = seq[2].toFloatArray();
        int s = lp.length / tokens.length;
        for (int i = 0; i < tokens.length; i++) {
          List<Float> row = new ArrayList<>();
          for (int p = i * s; p < (i + 1) * s; p++) {
            if (mask[p] > 0) {
              row.add(lp[p]);
            }
          }
          out[i] = new float[row.size()];
          for (int k = 0; k < row.size(); k++) {
            out[i][k] = row.get(k);
          }
        }
        if (grads != null) {
          Autograd.backward(seq[0].mul(seq[2]).sum().add(seq[1].mul(seq[2]).sum()));
        }
        return null;
      });
      if (grads != null) {
        for (Map.Entry<String, Tensor> e : w.all().entrySet()) {
          Tensor g = e.getValue().getGradient();
          g.attach(m);
          grads.put(e.getKey(), g.toFloatArray());
        }
      }
      return out;
    }
  }

  /** The sum over rows of each row scored alone, gradients accumulated. */
  private static void scoreRowByRow(Map<String, float[]> values, List<BrainInput> prefixes, int[][] tokens,
      Map<String, float[]> grads) {
    for (int i = 0; i < tokens.length; i++) {
      Map<String, float[]> one = new LinkedHashMap<>();
      score(values, List.of(prefixes.get(i)), new int[][] {tokens[i]}, one);
      one.forEach((name, g) -> grads.merge(name, g, (a, b) -> {
        float[] sum = a.clone();
        for (int k = 0; k < sum.length; k++) {
          sum[k] += b[k];
        }
        return sum;
      }));
    }
  }

  private static Map<String, float[]> randomWeights(BrainShape shape, long seed) {
    try (Arena root = Arena.newRoot(); Weights w = Weights.init(shape, root, seed)) {
      Map<String, float[]> out = new LinkedHashMap<>();
      w.all().forEach((name, a) -> out.put(name, a.toFloatArray()));
      return out;
    }
  }
}
