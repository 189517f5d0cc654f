package io.vivarium.memory;

import java.util.Objects;

/**
 * One recalled memory with how it was ranked. Immutable (the entry's arrays are shared).
 *
 * @param id the entry's id in this memory
 * @param entry the stored entry (its vector unit-normalised)
 * @param similarity cosine similarity between the query and the entry's vector, in [-1, 1]
 * @param score the ranking score: {@code similarity + fitnessWeight * tanh(fitness / 2)}
 */
public record Hit(long id, Entry entry, double similarity, double score) {
  public Hit {
    Objects.requireNonNull(entry, "hit entry");
  }

  /** The fitness of the entry's writer. */
  public double fitness() {
    return entry.fitness();
  }
}
