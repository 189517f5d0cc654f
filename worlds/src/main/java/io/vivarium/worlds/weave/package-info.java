/**
 * The weave mode ({@code world.mode=weave}, seed 004's weave agent): a wrapper around any text
 * world that offers {@link io.vivarium.core.world.Tools}, whose actions are ticks of typed blocks
 * parsed strictly by {@link io.vivarium.worlds.weave.Blocks}. Depends on {@code core} only.
 */
package io.vivarium.worlds.weave;
