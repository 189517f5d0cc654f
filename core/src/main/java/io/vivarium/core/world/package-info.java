/**
 * The world contracts: {@link io.vivarium.core.world.World} and its batched form
 * {@link io.vivarium.core.world.WorldBatch}, the records they exchange, and the registry of
 * world factories found with {@link java.util.ServiceLoader}.
 *
 * <p>Depends on {@code io.vivarium.core} only. Brains and learners see worlds through these
 * types alone, never through a world's own classes.
 */
package io.vivarium.core.world;
