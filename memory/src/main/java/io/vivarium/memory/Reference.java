package io.vivarium.memory;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The yardstick for recall quality: seeded synthetic vector sets (uniform random and
 * Gaussian clusters) and exact nearest neighbours by brute force. Used by the tests and by
 * the {@code bench memory} harness. Stateless and thread-safe.
 */
public final class Reference {
  private Reference() {}

  /** {@code n} vectors with i.i.d. standard normal components, unit-normalised. */
  public static float[][] random(int n, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] out = new float[n][dim]; // (n, dim)
    for (float[] v : out) {
      for (int j = 0; j < dim; j++) {
        v[j] = (float) gaussian(rng);
      }
    }
    return normalizeAll(out);
  }

  /**
   * {@code n} vectors around {@code clusters} random centres (centre components N(0, 1),
   * spread N(0, spread^2) per component), unit-normalised. Centres come from {@code seed};
   * points from {@code pointSeed}, so queries can share the centres of the data.
   */
  public static float[][] clustered(int n, int dim, int clusters, double spread, long seed,
      long pointSeed) {
    float[][] centres = random(clusters, dim, seed); // (clusters, dim)
    SplittableRandom rng = new SplittableRandom(pointSeed);
    float[][] out = new float[n][dim]; // (n, dim)
    double scale = Math.sqrt(dim);
    for (float[] v : out) {
      float[] c = centres[rng.nextInt(clusters)];
      for (int j = 0; j < dim; j++) {
        v[j] = (float) (c[j] * scale + spread * gaussian(rng));
      }
    }
    return normalizeAll(out);
  }

  /** Indices of the {@code k} rows of {@code data} with the largest dot product with q. */
  public static int[] nearest(float[][] data, float[] q, int k) {
    int m = Math.min(k, data.length);
    int[] best = new int[m];
    float[] bestSim = new float[m];
    Arrays.fill(bestSim, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < data.length; i++) {
      float s = Vectors.dot(data[i], q);
      if (s > bestSim[m - 1]) {
        int j = m - 1;
        while (j > 0 && bestSim[j - 1] < s) {
          bestSim[j] = bestSim[j - 1];
          best[j] = best[j - 1];
          j--;
        }
        bestSim[j] = s;
        best[j] = i;
      }
    }
    return best;
  }

  /** The fraction of {@code exact} found in {@code found}. */
  public static double recall(int[] exact, long[] found) {
    int hit = 0;
    for (int e : exact) {
      for (long f : found) {
        if (f == e) {
          hit++;
          break;
        }
      }
    }
    return exact.length == 0 ? 1 : (double) hit / exact.length;
  }

  private static float[][] normalizeAll(float[][] m) {
    for (int i = 0; i < m.length; i++) {
      m[i] = Vectors.normalized(m[i]);
    }
    return m;
  }

  private static double gaussian(SplittableRandom rng) {
    return rng.nextGaussian();
  }
}
