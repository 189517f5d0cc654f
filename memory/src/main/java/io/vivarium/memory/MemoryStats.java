package io.vivarium.memory;

import java.util.Map;

/**
 * A snapshot of a memory's size and activity. Immutable.
 *
 * @param entries live entries visible to recalls
 * @param byKind live entries per kind
 * @param dimension the vector dimension
 * @param segments index segments (fewer is faster to search)
 * @param stored entries stored since this memory was opened (merged duplicates included)
 * @param merged new entries merged into a near-duplicate since opened
 * @param expired entries removed by expiry since opened
 * @param commits commits since opened
 */
public record MemoryStats(
    long entries, Map<String, Long> byKind, int dimension, int segments, long stored,
    long merged, long expired, long commits) {
  public MemoryStats {
    byKind = Map.copyOf(byKind);
  }
}
