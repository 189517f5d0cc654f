/**
 * Recipes for brains acting in worlds of one-byte actions (gold): training by a plan of the
 * brain's learners with the gold curriculum, saving with the learning curve, and evaluating a
 * brain's policy against the world's expert.
 *
 * <p>Depends on {@code io.vivarium.core}, {@code io.vivarium.worlds.gold} and
 * {@code io.vivarium.brain}.
 */
package io.vivarium.lab.gold;
