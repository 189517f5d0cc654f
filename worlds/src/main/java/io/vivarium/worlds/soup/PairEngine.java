package io.vivarium.worlds.soup;

/**
 * Runs pairs of soup tapes as BFF programs. The soup is one {@code byte[]} of {@code size * 64}
 * bytes, tape {@code i} at offset {@code i * 64}.
 *
 * <p>Implementations are stateless or confined to one thread per call: several threads may run
 * disjoint pair ranges of one soup at once as long as no tape appears in two of their pairs.
 */
public interface PairEngine {
  /**
   * Runs pairs k in [from, to): tape first[k] followed by tape second[k] as one 128-byte
   * program (bff_noheads), at most maxSteps steps each, writing both halves back into soup;
   * returns the total number of steps executed (cubff's "ops"). Deterministic.
   */
  long runPairs(byte[] soup, int[] first, int[] second, int from, int to, int maxSteps);
}
