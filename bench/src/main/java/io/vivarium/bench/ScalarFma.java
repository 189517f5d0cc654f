package io.vivarium.bench;

/**
 * {@link Peak}'s fallback kernel without the Vector API: twelve independent chains of scalar
 * {@link Math#fma(float, float, float)}. The JIT may or may not vectorise it, so what it measures
 * is a lower bound of the machine's fp32 peak. Stateless and thread-safe.
 */
final class ScalarFma {
  /** Independent accumulators per iteration. */
  static final int CHAINS = 12;

  private ScalarFma() {}

  /** Runs {@code iterations} × {@link #CHAINS} FMAs; returns the chains' sum so that the JIT keeps the work. */
  static float run(int iterations) {
    float a = 0.999f;
    float b = 0.001f;
    float c0 = 0.0f;
    float c1 = 0.1f;
    float c2 = 0.2f;
    float c3 = 0.3f;
    float c4 = 0.4f;
    float c5 = 0.5f;
    float c6 = 0.6f;
    float c7 = 0.7f;
    float c8 = 0.8f;
    float c9 = 0.9f;
    float c10 = 1.0f;
    float c11 = 1.1f;
    for (int i = 0; i < iterations; i++) {
      c0 = Math.fma(c0, a, b);
      c1 = Math.fma(c1, a, b);
      c2 = Math.fma(c2, a, b);
      c3 = Math.fma(c3, a, b);
      c4 = Math.fma(c4, a, b);
      c5 = Math.fma(c5, a, b);
      c6 = Math.fma(c6, a, b);
      c7 = Math.fma(c7, a, b);
      c8 = Math.fma(c8, a, b);
      c9 = Math.fma(c9, a, b);
      c10 = Math.fma(c10, a, b);
      c11 = Math.fma(c11, a, b);
    }
    return c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11;
  }
}
