/**
 * The listen tutorial: a brain clones the listen world's expert on the training voices and is
 * scored on held-out voice and speed combinations ({@link io.vivarium.lab.listen.ListenTraining}),
 * the recipe behind {@code vivarium train listen}.
 *
 * <p>Depends on {@code io.vivarium.core}, {@code io.vivarium.worlds.listen} and {@code io.vivarium.brain}.
 */
package io.vivarium.lab.listen;
