package io.vivarium.core.audio;

/** An in-place radix-2 complex FFT (iterative Cooley-Tukey). Stateless; thread-safe. */
final class Fft {
  private Fft() {}

  /** Transforms ({@code re}, {@code im}) in place; their length must be a power of two. */
  static void transform(double[] re, double[] im) {
    int n = re.length;
    if (Integer.bitCount(n) != 1 || im.length != n) {
      throw new IllegalArgumentException("FFT length must be a power of two for both parts; got " + n);
    }
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double a = -2 * Math.PI / len;
      for (int i = 0; i < n; i += len) {
        for (int k = 0; k < len / 2; k++) {
          double c = Math.cos(a * k);
          double s = Math.sin(a * k);
          int p = i + k;
          int q = p + len / 2;
          double xr = re[q] * c - im[q] * s;
          double xi = re[q] * s + im[q] * c;
          re[q] = re[p] - xr;
          im[q] = im[p] - xi;
          re[p] += xr;
          im[p] += xi;
        }
      }
    }
  }
}
