package io.vivarium.brain.model;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.core.Channel;
import java.util.Map;

/**
 * A plain-Java, double-precision, loop-by-loop implementation of the brain's forward pass for
 * one input, written from the architecture description, to check the tensor version against.
 */
final class NaiveTransformer {
  private final BrainShape s;
  private final Map<String, float[]> w;

  NaiveTransformer(BrainShape s, Map<String, float[]> w) {
    this.s = s;
    this.w = w;
  }

  /** Final hidden state after the last block and final LayerNorm: [S][C]. */
  double[][] hidden(BrainInput in) {
    int n = in.patches().count();
    int t = in.tokens().length;
    int len = n + t;
    int c = s.dim();
    double[][] x = new double[len][c];
    for (int i = 0; i < n; i++) {
      double[] p = new double[s.patchValues()];
      for (int k = 0; k < p.length; k++) {
        p[k] = in.patches().values()[i * p.length + k];
      }
      double[] e = linear(p, "patch.w", "patch.b", c, p.length);
      for (int k = 0; k < c; k++) {
        x[i][k] = e[k] + at("patch.row", in.patches().rows()[i], k) + at("patch.col",
            in.patches().cols()[i], k) + at("chan", Channel.VIDEO.ordinal(), k);
      }
    }
    for (int j = 0; j < t; j++) {
      for (int k = 0; k < c; k++) {
        x[n + j][k] = at("tok", in.tokens()[j], k) + at("chan", in.channels()[j], k)
            + at("pos", j, k);
      }
    }
    int prefix = n + in.prefix();
    for (int l = 0; l < s.layers(); l++) {
      x = block(x, "h" + l + ".", prefix);
    }
    for (int i = 0; i < len; i++) {
      x[i] = norm(x[i], "lnf.g", "lnf.b");
    }
    return x;
  }

  double[] logits(double[] h) {
    double[] out = new double[s.vocab()];
    for (int v = 0; v < s.vocab(); v++) {
      for (int k = 0; k < s.dim(); k++) {
        out[v] += at("tok", v, k) * h[k];
      }
    }
    return out;
  }

  double value(double[] h) {
    return linear(h, "value.w", "value.b", 1, s.dim())[0];
  }

  double[] patch(double[] h) {
    return linear(h, "unpatch.w", "unpatch.b", s.patchValues(), s.dim());
  }

  /** Mean next-token cross-entropy of a causal input against {@code targets}. */
  double loss(BrainInput in, int[] targets) {
    double[][] h = hidden(in);
    double sum = 0;
    for (int j = 0; j < targets.length; j++) {
      double[] z = logits(h[in.patches().count() + j]);
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double e = 0;
      for (double v : z) {
        e += Math.exp(v - max);
      }
      sum += -(z[targets[j]] - max - Math.log(e));
    }
    return sum / targets.length;
  }

  private double[][] block(double[][] x, String h, int prefix) {
    int len = x.length;
    int c = s.dim();
    int heads = s.heads();
    int d = s.headDim();
    int at = s.attention(); // heads·headDim
    double[][] q = new double[len][];
    double[][] k = new double[len][];
    double[][] v = new double[len][];
    for (int i = 0; i < len; i++) {
      double[] qkv = linear(norm(x[i], h + "ln1.g", h + "ln1.b"), h + "attn.w", h + "attn.b",
          3 * at, c);
      q[i] = java.util.Arrays.copyOfRange(qkv, 0, at);
      k[i] = java.util.Arrays.copyOfRange(qkv, at, 2 * at);
      v[i] = java.util.Arrays.copyOfRange(qkv, 2 * at, 3 * at);
    }
    double[][] out = new double[len][];
    for (int i = 0; i < len; i++) {
      double[] y = new double[at];
      for (int hd = 0; hd < heads; hd++) {
        double[] score = new double[len];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
          if (j <= i || j < prefix) {
            double dot = 0;
            for (int e = 0; e < d; e++) {
              dot += q[i][hd * d + e] * k[j][hd * d + e];
            }
            score[j] = dot / Math.sqrt(d);
            max = Math.max(max, score[j]);
          } else {
            score[j] = Double.NaN;
          }
        }
        double sum = 0;
        for (int j = 0; j < len; j++) {
          score[j] = Double.isNaN(score[j]) ? 0 : Math.exp(score[j] - max);
          sum += score[j];
        }
        for (int j = 0; j < len; j++) {
          for (int e = 0; e < d; e++) {
            y[hd * d + e] += score[j] / sum * v[j][hd * d + e];
          }
        }
      }
      double[] a = linear(y, h + "proj.w", h + "proj.b", c, at);
      double[] r = new double[c];
      for (int e = 0; e < c; e++) {
        r[e] = x[i][e] + a[e];
      }
      double[] f = linear(norm(r, h + "ln2.g", h + "ln2.b"), h + "fc.w", h + "fc.b", s.mlp(), c);
      for (int e = 0; e < f.length; e++) {
        f[e] = 0.5 * f[e] * (1 + erf(f[e] / Math.sqrt(2)));
      }
      double[] m = linear(f, h + "out.w", h + "out.b", c, s.mlp());
      for (int e = 0; e < c; e++) {
        r[e] += m[e];
      }
      out[i] = r;
    }
    return out;
  }

  private double[] norm(double[] x, String g, String b) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    var /= x.length;
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (x[i] - mean) / Math.sqrt(var + 1e-5) * w.get(g)[i] + w.get(b)[i];
    }
    return out;
  }

  /** y = W x + b with W stored (out, in). */
  private double[] linear(double[] x, String weight, String bias, int out, int in) {
    double[] y = new double[out];
    float[] m = w.get(weight);
    for (int o = 0; o < out; o++) {
      double acc = bias == null ? 0 : w.get(bias)[o];
      for (int i = 0; i < in; i++) {
        acc += m[o * in + i] * x[i];
      }
      y[o] = acc;
    }
    return y;
  }

  private double at(String name, int row, int col) {
    return w.get(name)[row * s.dim() + col];
  }

  /** erf by its Maclaurin series (|x| small) or continued fraction; error < 1e-12 here. */
  static double erf(double x) {
    double ax = Math.abs(x);
    if (ax < 3) {
      double term = ax;
      double sum = ax;
      for (int n = 1; n < 200; n++) {
        term *= -ax * ax / n;
        double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17) {
          break;
        }
      }
      return Math.signum(x) * 2 / Math.sqrt(Math.PI) * sum;
    }
    // erfc continued fraction (Lentz), accurate for x >= 3
    double f = ax;
    for (int n = 60; n >= 1; n--) {
      f = ax + n / 2.0 / f;
    }
    double erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
    return Math.signum(x) * (1 - erfc);
  }
}
