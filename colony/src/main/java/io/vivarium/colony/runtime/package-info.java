/**
 * The colony runtime behind {@code vivarium run}: a population of agents, each a brain learning
 * in its own batch of worlds, taking turns on the machine, with every step of its life recorded
 * in the registry and its brain checkpointed through the checkpoint store.
 *
 * People's requests (hibernate, wake, kill, clone, reward, talk, vote) arrive through the
 * registry and are applied between turns; an in-process console sees live frames through
 * {@link io.vivarium.colony.runtime.ColonyHandle}.
 *
 * <p>Depends on {@code core}, {@code worlds} (through the world registry and the gold world's
 * curriculum), {@code brain}, {@code memory} (the shared memory in the context), {@code bus}
 * (agents' channels and people's input) and the colony's own registry, store and replay.
 */
package io.vivarium.colony.runtime;
