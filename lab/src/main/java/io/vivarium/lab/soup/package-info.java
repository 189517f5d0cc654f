/**
 * The soup world run for a person ({@code vivarium soup}): options resolved against a checkpoint,
 * the run, the lines it prints. The soup itself is {@code io.vivarium.worlds.soup}.
 */
package io.vivarium.lab.soup;
