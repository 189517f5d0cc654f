/**
 * The cluster scale benchmark ({@link io.vivarium.bench.cluster.ClusterBench}): what one node
 * asks of the shared parts of a colony across machines — registry writes on PostgreSQL, broker
 * messages, shared-memory requests through the cluster, coordination messages — measured on
 * real parts, for docs/scale.md.
 *
 * <p>Depends on {@code colony} (the typed registry), {@code bus}, {@code memory} and, through
 * the probes in package {@code io.vivarium.cluster} of this module, {@code cluster}.
 */
package io.vivarium.bench.cluster;
