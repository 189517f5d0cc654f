/**
 * The world contracts: {@link io.vivarium.core.world.World} and its batched form
 * {@link io.vivarium.core.world.WorldBatch}, the records they exchange, the registry of world
 * factories found with {@link java.util.ServiceLoader}, and the optional capabilities a world may
 * offer instead of being special-cased: {@link io.vivarium.core.world.Expert} (a move for every
 * state), {@link io.vivarium.core.world.Curriculum} (levels that grow with success) and
 * {@link io.vivarium.core.world.Renderer} (a picture and text for people) and
 * {@link io.vivarium.core.world.ActionNames} (actions named for people), people's questions and
 * recordings lent through the context ({@link io.vivarium.core.world.Asks},
 * {@link io.vivarium.core.world.Recordings}), with PNG files for
 * pictures ({@link io.vivarium.core.world.Png}).
 *
 * <p>Depends on {@code io.vivarium.core} and the JDK (ImageIO for PNG) only. Brains, learners and
 * the colony see worlds through these types alone, never through a world's own classes.
 */
package io.vivarium.core.world;
