package io.vivarium.memory;

import java.util.List;
import java.util.Optional;

/**
 * The colony's shared associative memory: entries keyed by vectors, recalled by similarity
 * re-weighted by the writer's fitness, facts looked up by exact key, and a fitness-weighted
 * consensus among recalled payloads. Implementations are thread-safe: many agents store and
 * recall at once.
 */
public interface Memory extends AutoCloseable {

  /** The vector dimension every entry and query must have. */
  int dimension();

  /**
   * Stores an entry and returns its id. A fact replaces the fact with the same key. With
   * near-duplicate merging on, an entry whose nearest neighbour of the same kind is at least
   * as similar as the threshold keeps only the fitter of the two; the id returned is then the
   * survivor's. Recalls see the entry within the refresh interval, or after {@link #refresh}.
   */
  long store(Entry entry);

  /**
   * The {@code k} entries passing {@code filter} nearest to {@code query}, ranked by
   * similarity re-weighted by fitness, best first.
   */
  List<Hit> recall(float[] query, int k, Filter filter);

  /** Recall without a filter. */
  default List<Hit> recall(float[] query, int k) {
    return recall(query, k, Filter.ANY);
  }

  /** The fact stored under exactly {@code key}, if any. */
  Optional<Hit> fact(String key);

  /** The facts whose keys start with {@code prefix}, in key order, at most {@code limit}. */
  List<Hit> facts(String prefix, int limit);

  /**
   * The fitness-weighted vote among the payloads of the {@code k} entries recalled for
   * {@code query}; empty when nothing is recalled.
   */
  Optional<Consensus> consensus(float[] query, int k, Filter filter);

  /** Makes every entry stored so far visible to recalls; blocks until it is. */
  void refresh();

  /** Writes every stored entry durably to disk; blocks until done. */
  void commit();

  /** Removes entries past their kind's age limit now (it also happens on every commit). */
  long expire();

  MemoryStats stats();

  /** Commits and releases the memory; idempotent. */
  @Override
  void close();
}
