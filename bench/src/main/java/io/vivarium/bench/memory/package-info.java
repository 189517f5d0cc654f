/**
 * The memory benchmark: HNSW recall and speed of {@code LuceneMemory} against exact brute
 * force on the same synthetic data.
 *
 * <p>Depends on {@code memory} and {@code core}.
 */
package io.vivarium.bench.memory;
