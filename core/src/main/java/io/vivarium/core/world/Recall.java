package io.vivarium.core.world;

import java.util.List;

/**
 * Memories a thinking agent recalls for a text and where its conclusions are kept (seed 000:
 * "populating the transformer with related memories"; the finished tree's conclusion is stored
 * so later recalls find it). A colony lends one backed by its shared memory; outside a colony
 * one of this process. Implementations are thread-safe.
 */
public interface Recall {
  /** At most {@code k} memories nearest to {@code text}, best first, each one line of text. */
  List<String> recall(String text, int k);

  /** Keeps {@code conclusion}, reached by {@code agent} for {@code query} with {@code score} in [0, 1]. */
  void remember(String agent, String query, String conclusion, double score);

  /** Nothing recalled, nothing kept: for thinking without a memory. */
  static Recall none() {
    return new Recall() {
      @Override
      public List<String> recall(String text, int k) {
        return List.of();
      }

      @Override
      public void remember(String agent, String query, String conclusion, double score) {}
    };
  }
}
