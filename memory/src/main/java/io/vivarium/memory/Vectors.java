package io.vivarium.memory;

import org.apache.lucene.util.VectorUtil;

/** Small vector helpers: validation, normalisation and dot products. Stateless, thread-safe. */
final class Vectors {
  private Vectors() {}

  /** Throws unless {@code v} is a non-empty, finite, non-zero vector. */
  static void requireUsable(float[] v, String what) {
    if (v.length == 0) {
      throw new IllegalArgumentException(what + " must have at least one dimension; got 0");
    }
    double norm = 0;
    for (float x : v) {
      if (!Float.isFinite(x)) {
        throw new IllegalArgumentException(what + " must be finite; got " + x);
      }
      norm += (double) x * x;
    }
    if (norm == 0) {
      throw new IllegalArgumentException(
          what + " must not be all zeros (it has no direction); embed something first");
    }
  }

  /** A unit-length copy of {@code v}. */
  static float[] normalized(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    float inv = (float) (1 / Math.sqrt(norm));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  /** The dot product, with Lucene's SIMD kernel when the vector module is enabled. */
  static float dot(float[] a, float[] b) {
    return VectorUtil.dotProduct(a, b);
  }
}
