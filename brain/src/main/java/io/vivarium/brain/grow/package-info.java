/**
 * Growing and shrinking brains: operators that change a brain's shape ({@link
 * io.vivarium.brain.grow.Growth}) so that, at the moment of growth, its outputs stay the same
 * (widening, deepening, adding heads or MLP units), or that undo them (pruning a block, a head
 * or MLP units of least effect; narrowing), together with the matching map of an AdamW state. {@link io.vivarium.brain.grow.Growing} is the entry point.
 *
 * <p>Works on plain float arrays keyed by {@link io.vivarium.brain.model.Weights#layout} names;
 * depends on {@code io.vivarium.brain}, its {@code model} and {@code learn} (the optimizer
 * state's format), never on worlds or the colony.
 */
package io.vivarium.brain.grow;
