/**
 * The soup world run for a person ({@code vivarium soup}): options resolved against a checkpoint,
 * the run, the lines it prints; the soup as the zookeeper shows it ({@code SoupView},
 * {@code SoupColours}, {@code SoupCurves}); and the bridge to the colony's exec world
 * ({@code SoupBridge}). The soup itself is {@code io.vivarium.worlds.soup}.
 */
package io.vivarium.lab.soup;
