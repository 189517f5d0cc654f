/**
 * Exact replays of recorded episodes: an episode row of the registry (world, preset, curriculum
 * level, seed, actions) rebuilt on a single world and stepped again, frame by frame, for
 * {@code vivarium replay} and the console; a weaving agent's recorded ticks played back block by
 * block ({@code Woven}).
 *
 * <p>Depends on {@code core} (the world registry), {@code worlds} (the gold world's levels and
 * pictures) and the colony's registry.
 */
package io.vivarium.colony.replay;
