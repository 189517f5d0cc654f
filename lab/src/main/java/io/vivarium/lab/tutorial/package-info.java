/**
 * The gold world's tutorials (qa, describe, line) as brain examples, and the recipes that train
 * a brain on one and score it on held-out examples.
 *
 * <p>Depends on {@code io.vivarium.core}, {@code io.vivarium.worlds.gold} and
 * {@code io.vivarium.brain}.
 */
package io.vivarium.lab.tutorial;
