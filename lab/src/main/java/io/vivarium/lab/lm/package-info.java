/**
 * Byte language-model training recipes over the worlds' text: a brain trained on a corpus's
 * clean passages within a time budget, progress reported line by line to the caller.
 *
 * <p>Depends on {@code io.vivarium.core}, {@code io.vivarium.worlds} and {@code io.vivarium.brain}.
 */
package io.vivarium.lab.lm;
