package io.vivarium.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Peak}'s kernel on the Vector API: twelve independent chains of fp32 fused multiply-adds
 * on the preferred species (AVX-512: 16 lanes), so the FMA units never wait on a result. This
 * class is loaded only when the {@code jdk.incubator.vector} module is in the boot layer.
 * Stateless and thread-safe.
 */
final class VectorFma {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  /** Independent accumulators per iteration: more than FMA latency × FMA units on current cores. */
  static final int CHAINS = 12;

  private VectorFma() {}

  /** Floats per vector of the preferred species. */
  static int lanes() {
    return SPECIES.length();
  }

  /** The species, e.g. {@code 512-bit (16 lanes)}. */
  static String describe() {
    return SPECIES.vectorBitSize() + "-bit (" + SPECIES.length() + " lanes)";
  }

  /**
   * Runs {@code iterations} × {@link #CHAINS} vector FMAs; returns the chains' sum so that the JIT
   * keeps the work. Each chain converges to b / (1 − a), so no value overflows or goes subnormal.
   */
  static float run(int iterations) {
    FloatVector a = FloatVector.broadcast(SPECIES, 0.999f);
    FloatVector b = FloatVector.broadcast(SPECIES, 0.001f);
    FloatVector c0 = FloatVector.broadcast(SPECIES, 0.0f);
    FloatVector c1 = FloatVector.broadcast(SPECIES, 0.1f);
    FloatVector c2 = FloatVector.broadcast(SPECIES, 0.2f);
    FloatVector c3 = FloatVector.broadcast(SPECIES, 0.3f);
    FloatVector c4 = FloatVector.broadcast(SPECIES, 0.4f);
    FloatVector c5 = FloatVector.broadcast(SPECIES, 0.5f);
    FloatVector c6 = FloatVector.broadcast(SPECIES, 0.6f);
    FloatVector c7 = FloatVector.broadcast(SPECIES, 0.7f);
    FloatVector c8 = FloatVector.broadcast(SPECIES, 0.8f);
    FloatVector c9 = FloatVector.broadcast(SPECIES, 0.9f);
    FloatVector c10 = FloatVector.broadcast(SPECIES, 1.0f);
    FloatVector c11 = FloatVector.broadcast(SPECIES, 1.1f);
    for (int i = 0; i < iterations; i++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11);
    return sum.reduceLanes(VectorOperators.ADD);
  }
}
