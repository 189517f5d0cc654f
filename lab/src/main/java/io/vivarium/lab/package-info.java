/**
 * The glue between worlds and brains: recipes that train and evaluate brains in the worlds
 * (gold training and policy evaluation, tutorials, the listen tutorial, repair solvers and scorers, language-model
 * training), and the worlds shown to people by name (the gold world's views, one run in the exec
 * sandbox, the terminal world's shell and screens, a repair preset with its corpus, a soup run); called by
 * {@code cli} (and open to {@code colony}), which reaches worlds only through here or
 * {@code core.world}.
 *
 * <p>May depend on {@code io.vivarium.core}, {@code io.vivarium.worlds} and
 * {@code io.vivarium.brain} only.
 */
package io.vivarium.lab;
