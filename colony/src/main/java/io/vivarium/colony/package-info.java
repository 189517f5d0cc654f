/**
 * The colony runtime: agents, scheduling, lifecycle and replication, with the registry (SQLite)
 * and the checkpoint store that keep its records.
 *
 * <p>Depends on {@code core}, {@code worlds}, {@code brain}, {@code memory} and {@code bus}.
 * The only module that may use SQLite.
 */
package io.vivarium.colony;
