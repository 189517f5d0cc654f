/**
 * The soup world (issue 25): a primordial soup of 64-byte tapes in the two-head BFF language
 * ({@code bff_noheads} as in cubff), paired at random, run as one 128-byte self-modifying
 * program, split back. {@link io.vivarium.worlds.soup.PairEngine} runs pairs;
 * {@link io.vivarium.worlds.soup.Bff#reference()} is the plain interpreter every fast engine is
 * checked against; {@link io.vivarium.worlds.soup.BffFast} is the fast one.
 *
 * <p>Depends on the JDK only.
 */
package io.vivarium.worlds.soup;
