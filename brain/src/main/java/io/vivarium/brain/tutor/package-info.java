/**
 * Supervised tutorials: a brain learns exact targets, either text answers to prompts (read at
 * the {@code <sep>}, generated on the text channel) or pictures through its patch decoder.
 * Seed 001's "tricks" ({@code qa}, {@code line}, {@code describe}) are built as such examples
 * by whoever owns the world; this package never sees a world.
 *
 * <p>Depends on {@code io.vivarium.brain} (inputs, the model, AdamW), {@code core} and the brain's tensors.
 */
package io.vivarium.brain.tutor;
