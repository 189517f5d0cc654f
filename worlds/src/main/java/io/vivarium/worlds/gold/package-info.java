/**
 * The gold world of seed 001: a grid room, an agent with a heading, gold to eat, optional inner
 * walls or rooms; a fast structure-of-arrays batch, renderers (symbolic, egocentric, RGB,
 * ASCII, PNG), a shortest-path expert, a curriculum and tutorial datasets.
 *
 * <p>Depends on {@code io.vivarium.core} and the JDK only ({@code java.desktop} for PNG files).
 */
package io.vivarium.worlds.gold;
