/**
 * Benchmarks of the chat world: {@code FactsBench} trains chat colonies with and without the
 * fact memory and measures greedy exact match on facts they never trained on.
 *
 * <p>Depends on {@code core}, {@code worlds}, {@code brain}, {@code memory} and {@code colony}.
 */
package io.vivarium.bench.chat;
