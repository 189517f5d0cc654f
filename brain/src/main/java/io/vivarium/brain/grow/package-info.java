/**
 * Growing and shrinking brains: operators that change a brain's shape ({@link
 * io.vivarium.brain.grow.Growth}) so that, at the moment of growth, its outputs stay the same
 * (widening, deepening), or that remove its least useful block (pruning), together with the
 * matching map of an AdamW state. {@link io.vivarium.brain.grow.Growing} is the entry point.
 *
 * <p>Works on plain float arrays keyed by {@link io.vivarium.brain.model.Weights#layout} names;
 * depends on {@code io.vivarium.brain}, its {@code model} and {@code learn} (the optimizer
 * state's format), never on worlds or the colony.
 */
package io.vivarium.brain.grow;
