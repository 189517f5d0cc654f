/**
 * The glue between worlds and brains: recipes that train and evaluate brains in the worlds
 * (gold training and policy evaluation, tutorials, repair solvers and scorers, language-model
 * training), called by {@code cli} (and open to {@code colony}).
 *
 * <p>May depend on {@code io.vivarium.core}, {@code io.vivarium.worlds} and
 * {@code io.vivarium.brain} only.
 */
package io.vivarium.lab;
