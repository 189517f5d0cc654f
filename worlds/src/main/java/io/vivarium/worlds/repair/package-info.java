/**
 * The repair world (seed 004): a clean passage is damaged by named, seeded corruption
 * operations, and the agent answers with the repaired text or a unified diff; the reward is
 * the normalised Levenshtein improvement. Also the passage corpora, the baseline solvers and
 * the evaluation that prints a table per operation.
 *
 * <p>Depends on {@code io.vivarium.core} and java-diff-utils only. A trained-brain solver
 * plugs in from another module through {@link io.vivarium.worlds.repair.SolverProvider}.
 */
package io.vivarium.worlds.repair;
