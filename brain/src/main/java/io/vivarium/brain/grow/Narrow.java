package io.vivarium.brain.grow;

import io.vivarium.brain.BrainShape;
import java.util.Map;

/**
 * {@link Growth#NARROW}, the least-squares inverse of {@link Widen}: width C → C/2, heads H → H/2,
 * head width D unchanged, MLP F → F/2. Every pair of coordinates that WIDEN makes copies of each
 * other (j and j + C/2 of the residual stream, heads h and h + H/2, hidden units k and k + F/2)
 * merges into one: the narrow value is the mean of the wide values it would widen to, divided by
 * WIDEN's factor on them ({@link Widen.Plan}); so a brain just widened narrows back exactly.
 * Stateless; thread-safe.
 */
final class Narrow {
  private Narrow() {}

  /** The narrower shape: {@link Widen#shape} of it is {@code s}. */
  static BrainShape shape(BrainShape s) {
    return s.with(s.layers(), s.heads() / 2, s.dim() / 2, s.block(), s.dropout())
        .withHeads(s.heads() / 2, s.headDim()).withMlp(s.mlp() / 2);
  }

  /** Every parameter of a brain of shape {@code s} narrowed, in the narrower shape's layout order. */
  static Map<String, float[]> weights(BrainShape s, Map<String, float[]> values) {
    return map(s, values, Widen.Kind.WEIGHTS);
  }

  /**
   * The values (weights, or an optimizer's first or second moments) of a brain of shape
   * {@code s} merged into {@link #shape}: for moments, WIDEN's gradient ratio r is divided out
   * (first moments ÷ r, second ÷ r²) in place of its factor on the weights.
   */
  static Map<String, float[]> map(BrainShape s, Map<String, float[]> values, Widen.Kind kind) {
    return Widen.each(shape(s), values, kind, "narrow", Narrow::merge);
  }

  /**
   * The inverse of {@link Widen#copy}: a (rows, cols) matrix whose entry is the mean of the
   * entries of the wide {@code v} that copy it, divided by {@code factor}.
   */
  static float[] merge(float[] v, int rows, int cols, int rowParts, int colParts, float factor) {
    int wideRows = rowParts == 0 ? rows : 2 * rows;
    int wideCols = colParts == 0 ? cols : 2 * cols;
    if (v.length != (long) wideRows * wideCols) {
      throw new IllegalArgumentException("a parameter to narrow to (" + rows + ", " + cols + ") needs "
          + (long) wideRows * wideCols + " values; got " + v.length);
    }
    int[] colTo = new int[wideCols];
    for (int c = 0; c < wideCols; c++) {
      colTo[c] = Widen.source(c, cols, colParts);
    }
    double[] sum = new double[rows * cols];
    for (int r = 0; r < wideRows; r++) {
      int to = Widen.source(r, rows, rowParts) * cols;
      int from = r * wideCols;
      for (int c = 0; c < wideCols; c++) {
        sum[to + colTo[c]] += v[from + c];
      }
    }
    double copies = (double) (wideRows / rows) * (wideCols / cols);
    float[] out = new float[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (sum[i] / copies / factor);
    }
    return out;
  }
}
