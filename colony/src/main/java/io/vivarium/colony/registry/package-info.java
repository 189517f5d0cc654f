/**
 * The colony's registry: one SQLite file ({@code colony.db}, WAL mode) holding the colony,
 * agents, lineage, checkpoints, metrics, events, episodes and votes, with a versioned schema
 * migrated forward at open. The registry owns its SQL: callers read it through typed methods
 * ({@link io.vivarium.colony.registry.Registry} and its {@code Metrics}, {@code Events},
 * {@code Episodes} and {@code Checkpoints} groups) that return records, and
 * {@code LearnerHealth} holds the one learning-health rule over the recorded metrics.
 *
 * <p>Depends on {@code core} and sqlite-jdbc. One writer thread, any number of readers; the
 * file stays readable by the {@code sqlite3} tool while the colony runs.
 */
package io.vivarium.colony.registry;
