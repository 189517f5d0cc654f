/**
 * The colony's registry: the colony, agents, lineage, checkpoints, metrics, events, episodes,
 * votes, requests, asks and the cluster's nodes and placements, with a versioned schema migrated
 * forward at open. It lives in one SQLite file ({@code colony.db}, WAL mode; the single-machine
 * default) or in a PostgreSQL database (a colony across machines), located by
 * {@link io.vivarium.colony.registry.RegistryLocation}; what differs between the two is in
 * {@code Dialect} alone. The registry owns its SQL: callers read it through typed methods
 * ({@link io.vivarium.colony.registry.Registry} and its {@code Metrics}, {@code Events},
 * {@code Episodes}, {@code Checkpoints}, {@code AskBook} and {@code ClusterBook} groups) that
 * return records, and {@code LearnerHealth} holds the one learning-health rule over the recorded
 * metrics.
 *
 * <p>Depends on {@code core}, sqlite-jdbc, the PostgreSQL JDBC driver and HikariCP. On SQLite one
 * writer thread and any number of readers (the file stays readable by the {@code sqlite3} tool
 * while the colony runs); on PostgreSQL a small pool shared by reads and writes.
 */
package io.vivarium.colony.registry;
