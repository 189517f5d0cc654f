/**
 * The soup world (issue 25): the primordial-soup experiment of "Computational Life" (Agüera y
 * Arcas et al., 2024) as cubff runs it — a soup of random 64-byte tapes in the two-head BFF
 * language ({@code bff_noheads}), paired at random each epoch, each pair run as one
 * self-modifying 128-byte program, split back, lightly mutated — with cubff's metrics (Shannon
 * entropy, Brotli size, high-order entropy, replicators).
 *
 * <p>{@link io.vivarium.worlds.soup.Soup} owns an epoch (pairing, mutation, threads over pair
 * ranges) and is deterministic for a seed whatever the thread count; it runs pairs through a
 * {@link io.vivarium.worlds.soup.PairEngine} ({@link io.vivarium.worlds.soup.Bff#reference()}
 * is the plain interpreter every faster engine is tested against;
 * {@link io.vivarium.worlds.soup.BffFast} is the fast one, with {@code BffMasks} on the Vector API
 * when {@code jdk.incubator.vector} is present). Randomness is cubff's own
 * SplitMix64 stream over the root seed, so a soup's bytes equal cubff's for the same seed and
 * size. Depends on {@code core}, the JDK (and its incubating Vector API, optionally) and Brotli (brotli4j). Rules and differences:
 * {@code docs/soup.md}.
 */
package io.vivarium.worlds.soup;
