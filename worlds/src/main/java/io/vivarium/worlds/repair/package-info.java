/**
 * The repair world (seed 004): a clean passage is damaged by named, seeded corruption
 * operations, and the agent answers with the repaired text or a unified diff; the reward is
 * the normalised Levenshtein improvement. Also the passage corpora, the baseline solvers, a
 * noisy-channel repair search ranked by a language model (a character n-gram here, a trained
 * brain from another module) and the evaluation that prints a table per operation.
 *
 * <p>Depends on {@code io.vivarium.core} and java-diff-utils only. A trained-brain solver
 * plugs in from another module through {@link io.vivarium.worlds.repair.SolverProvider}.
 */
package io.vivarium.worlds.repair;
