package io.vivarium.worlds.soup;

/**
 * What runs the pairs of an epoch: the contract between {@link Soup} (pairing, mutation,
 * threads) and the interpreters ({@link Bff#reference()}, the fast engine). The soup is one
 * {@code byte[]} of {@code size * 64} bytes, tape {@code i} at offset {@code i * 64}.
 *
 * <p>Implementations are stateless or thread-confined per call: {@link Soup} calls one engine
 * from several threads at once on disjoint pair ranges (each tape is in at most one pair).
 */
public interface PairEngine {
  /**
   * Runs pairs {@code k} in {@code [from, to)}: tape {@code first[k]} followed by tape
   * {@code second[k]} as one 128-byte program ({@code bff_noheads}), at most {@code maxSteps}
   * steps each, writing both halves back into {@code soup}; returns the total number of steps
   * executed (cubff's "ops": instructions that are not comments). Deterministic.
   */
  long runPairs(byte[] soup, int[] first, int[] second, int from, int to, int maxSteps);

  /**
   * The fastest engine available: what {@code vivarium soup} runs unless told otherwise,
   * {@link BffFast} (vectorized when {@code jdk.incubator.vector} is present).
   */
  static PairEngine best() {
    return new BffFast();
  }

  /** A short name for reports, e.g. {@code "reference"}. */
  default String name() {
    return getClass().getSimpleName();
  }
}
