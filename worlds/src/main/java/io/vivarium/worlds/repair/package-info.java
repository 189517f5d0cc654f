/**
 * The repair world (seed 004): a clean passage is damaged by named, seeded corruption
 * operations, and the agent answers with the repaired text or a unified diff; the reward is
 * the normalised Levenshtein improvement. Also the passage corpora and the presets. Solvers,
 * scorers and the evaluation live in {@code io.vivarium.lab.repair}.
 *
 * <p>In a colony it lives as a {@code RepairBatch} (the clean passage as the text expert, the
 * answers kept as outputs with their diffs).
 *
 * <p>Depends on {@code io.vivarium.core}, java-diff-utils and Jackson (the outputs' details).
 */
package io.vivarium.worlds.repair;
