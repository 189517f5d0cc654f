/**
 * The repair colony's benchmark ({@code vivarium bench repair-colony}): founders from a
 * language model of the repair corpus, a repair colony run from them, and its best agent
 * against the repair search ranked by the same language model on held-out episodes.
 *
 * <p>Depends on {@code io.vivarium.colony} (the colony, its registry and checkpoints),
 * {@code io.vivarium.lab.repair} (founder training, solvers, evaluation) and the repair world.
 */
package io.vivarium.bench.repair;
