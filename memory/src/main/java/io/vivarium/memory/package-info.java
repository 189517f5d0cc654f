/**
 * The colony's shared associative memory: vectors with payloads, fitness and kinds, recalled
 * by HNSW nearest-neighbour search on Lucene.
 *
 * <p>Depends on {@code core} only. The only module that may use Lucene.
 */
package io.vivarium.memory;
