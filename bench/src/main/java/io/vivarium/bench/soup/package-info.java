/**
 * Soup speed harness: {@link io.vivarium.bench.soup.SoupBench} runs epochs of a BFF soup with a
 * chosen {@link io.vivarium.worlds.soup.PairEngine} and prints epochs and ops per second as
 * {@code key: value} lines (compared with cubff by {@code bench/soup-vs-cubff.sh}).
 *
 * <p>May depend on any Vivarium module; nothing depends on it.
 */
package io.vivarium.bench.soup;
