package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TrainingLock;
import io.vivarium.brain.model.Weights;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two AdamW steps equal the textbook formulas computed in plain Java. */
class AdamWTest {
  @Test
  void stepsFollowTheAdamWFormulas() {
    Torch.engine();
    BrainShape shape = BrainShape.preset("tiny").with(1, 1, 4, 4, 0).withPatches(1, 1);
    double lr = 0.01;
    double wd = 0.1;
    double b1 = 0.9;
    double b2 = 0.99;
    double eps = 1e-8;
    try (NDManager root = NDManager.newBaseManager();
        Weights w = Weights.init(shape, root, 3);
        AdamW opt = new AdamW(w, b1, b2, eps, wd)) {
      Map<String, float[]> before = w.toArrays();
      float[] tok = before.get("tok").clone(); // decayed (rank 2)
      float[] gain = before.get("lnf.g").clone(); // not decayed (rank 1)
      double[] mt = new double[tok.length];
      double[] vt = new double[tok.length];
      double[] mg = new double[gain.length];
      double[] vg = new double[gain.length];
      for (int step = 1; step <= 2; step++) {
        // loss = 0.5·Σ tok² + Σ lnf.g³ → gradients tok and 3·g²
        try (NDManager m = w.manager().newSubManager()) {
          TrainingLock.run(() -> {
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
              NDArray half = m.create(0.5f);
              NDArray three = m.create(3f);
              NDArray e = w.get("tok");
              NDArray t = half.mul(e.mul(e).sum());
              NDArray g = three.mul(w.get("lnf.g").pow(three)).sum().div(three);
              t.attach(m);
              g.attach(m);
              gc.backward(t.add(g));
            }
            return null;
          });
          ai.djl.pytorch.jni.JniUtils.setGradMode(false);
          opt.step(m, lr, 0);
        }
        expect(tok, mt, vt, step, lr, wd, b1, b2, eps, true);
        expect(gain, mg, vg, step, lr, 0, b1, b2, eps, false);
      }
      float[] gotTok = w.get("tok").toFloatArray();
      float[] gotGain = w.get("lnf.g").toFloatArray();
      for (int i = 0; i < tok.length; i++) {
        assertThat((double) gotTok[i]).isCloseTo(tok[i], within(1e-6));
      }
      for (int i = 0; i < gain.length; i++) {
        assertThat((double) gotGain[i]).isCloseTo(gain[i], within(1e-6));
      }
      assertThat(w.get("tok").getGradient().abs().max().getFloat()).isZero();
    }
  }

  private static void expect(float[] p, double[] m, double[] v, int t, double lr, double wd,
      double b1, double b2, double eps, boolean square) {
    for (int i = 0; i < p.length; i++) {
      double g = square ? p[i] : 3.0 * p[i] * p[i];
      double x = p[i] * (1 - lr * wd);
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      double mh = m[i] / (1 - Math.pow(b1, t));
      double vh = v[i] / (1 - Math.pow(b2, t));
      p[i] = (float) (x - lr * mh / (Math.sqrt(vh) + eps));
    }
  }
}
