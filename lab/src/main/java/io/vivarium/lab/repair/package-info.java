/**
 * Solving the repair world: the baseline solvers ({@code identity}, {@code heuristic}), a
 * noisy-channel repair search ranked by a language model (a character n-gram, or a trained
 * brain through {@link io.vivarium.lab.repair.BrainTextScorer}), its calibration on the
 * training split, and the evaluation that prints a table per operation; a preset with its corpus
 * opened from command-line names ({@link io.vivarium.lab.repair.RepairSource}), so that
 * {@code cli} needs no class of the world.
 *
 * <p>Depends on {@code io.vivarium.core}, {@code io.vivarium.worlds.repair} (episodes, corpora,
 * operations, the reward) and {@code io.vivarium.brain}.
 */
package io.vivarium.lab.repair;
