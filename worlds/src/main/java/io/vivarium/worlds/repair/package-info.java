/**
 * The repair world (seed 004): a clean passage is damaged by named, seeded corruption
 * operations, and the agent answers with the repaired text or a unified diff; the reward is
 * the normalised Levenshtein improvement. Also the passage corpora and the presets. Solvers,
 * scorers and the evaluation live in {@code io.vivarium.lab.repair}.
 *
 * <p>Depends on {@code io.vivarium.core} and java-diff-utils only.
 */
package io.vivarium.worlds.repair;
