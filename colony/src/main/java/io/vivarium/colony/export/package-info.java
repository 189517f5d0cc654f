/**
 * Recorded episodes out of Vivarium, into the tools researchers use: one row per step with the
 * observations rebuilt by exact replay, written as Parquet (the documented file format, written
 * here without Hadoop) or CSV, for pandas, DuckDB and offline-RL code.
 *
 * <p>Depends on the colony's registry and replay, and {@code core} (the world registry).
 */
package io.vivarium.colony.export;
