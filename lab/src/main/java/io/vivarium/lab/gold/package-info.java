/**
 * Recipes for brains acting in worlds of one-byte actions (gold): training by a plan of the
 * brain's learners with the gold curriculum, saving with the learning curve, and evaluating a
 * brain's policy against the world's expert; and the gold world shown to people by preset name
 * ({@link io.vivarium.lab.gold.GoldViews}: ASCII episodes, play, PNG pictures, tutorial
 * questions), so that {@code cli} needs no class of the world.
 *
 * <p>Depends on {@code io.vivarium.core}, {@code io.vivarium.worlds.gold} and
 * {@code io.vivarium.brain}.
 */
package io.vivarium.lab.gold;
