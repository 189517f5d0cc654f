package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.model.Weights;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two AdamW steps equal the textbook formulas computed in plain Java; an exported state
 * continues exactly where the optimizer was.
 */
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
    try (Arena root = Arena.newRoot();
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
        try (Arena m = w.arena().newChild()) {
          Autograd.record(() -> {
            Tensor half = m.create(0.5f);
            Tensor three = m.create(3f);
            Tensor e = w.get("tok");
            Tensor t = half.mul(e.mul(e).sum());
            Tensor g = three.mul(w.get("lnf.g").pow(three)).sum().div(three);
            t.attach(m);
            g.attach(m);
            Autograd.backward(t.add(g));
            return null;
          });
          Autograd.off();
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

  @Test
  void exportedStateContinuesBitForBit() {
    Torch.engine();
    BrainShape shape = BrainShape.preset("tiny").with(1, 1, 4, 4, 0).withPatches(1, 1);
    try (Arena root = Arena.newRoot();
        Weights a = Weights.init(shape, root, 5);
        Weights b = Weights.init(shape, root, 5);
        AdamW straight = new AdamW(a, 0.9, 0.999, 1e-8, 0.1)) {
      for (int i = 0; i < 3; i++) {
        cubeStep(a, straight);
      }
      byte[] state = straight.exportState();
      // b reaches a's weights the same way, then a fresh optimizer takes over a's state
      try (AdamW warmup = new AdamW(b, 0.9, 0.999, 1e-8, 0.1)) {
        for (int i = 0; i < 3; i++) {
          cubeStep(b, warmup);
        }
      }
      try (AdamW resumed = new AdamW(b, 0.9, 0.999, 1e-8, 0.1)) {
        resumed.importState(state);
        assertThat(resumed.steps()).isEqualTo(3);
        assertThat(resumed.exportState()).isEqualTo(state); // moments bit for bit
        cubeStep(a, straight);
        cubeStep(b, resumed);
        Map<String, float[]> wa = a.toArrays();
        Map<String, float[]> wb = b.toArrays();
        for (String name : wa.keySet()) {
          assertThat(Arrays.equals(wa.get(name), wb.get(name))).as(name).isTrue();
        }
        assertThat(resumed.exportState()).isEqualTo(straight.exportState());
      }
    }
  }

  @Test
  void stateOfOtherShapesIsRefusedAndChangesNothing() {
    Torch.engine();
    BrainShape small = BrainShape.preset("tiny").with(1, 1, 4, 4, 0).withPatches(1, 1);
    BrainShape wide = BrainShape.preset("tiny").with(1, 1, 8, 4, 0).withPatches(1, 1);
    try (Arena root = Arena.newRoot();
        Weights a = Weights.init(small, root, 5);
        Weights b = Weights.init(wide, root, 5);
        AdamW oa = new AdamW(a, 0.9, 0.999, 1e-8, 0);
        AdamW ob = new AdamW(b, 0.9, 0.999, 1e-8, 0)) {
      cubeStep(a, oa);
      byte[] fresh = ob.exportState();
      assertThatThrownBy(() -> ob.importState(oa.exportState()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
      byte[] state = oa.exportState();
      assertThatThrownBy(() -> oa.importState(Arrays.copyOf(state, state.length - 3)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
      byte[] bad = state.clone();
      bad[0] = 'X';
      assertThatThrownBy(() -> oa.importState(bad)).hasMessageContaining("magic");
      assertThat(ob.exportState()).isEqualTo(fresh);
      assertThat(oa.exportState()).isEqualTo(state);
    }
  }

  /** One step on loss = Σ lnf.g³ + 0.5·Σ tok². */
  private static void cubeStep(Weights w, AdamW opt) {
    try (Arena m = w.arena().newChild()) {
      Autograd.record(() -> {
        Tensor half = m.create(0.5f);
        Tensor three = m.create(3f);
        Tensor e = w.get("tok");
        Tensor t = half.mul(e.mul(e).sum());
        Tensor g = w.get("lnf.g").pow(three).sum();
        t.attach(m);
        g.attach(m);
        Autograd.backward(t.add(g));
        return null;
      });
      Autograd.off();
      opt.step(m, 0.01, 1.0);
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
