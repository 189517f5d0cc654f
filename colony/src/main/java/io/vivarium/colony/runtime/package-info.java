/**
 * The colony runtime behind {@code vivarium run}: a population of agents, each a brain learning
 * in its own batch of worlds, taking turns on the machine, with every step of its life recorded
 * in the registry and its brain checkpointed through the checkpoint store.
 *
 * <p>Depends on {@code core}, {@code worlds} (through the world registry), {@code brain} and the
 * colony's own registry and store.
 */
package io.vivarium.colony.runtime;
