/**
 * The zookeeper benchmark ({@link io.vivarium.bench.zoo.ZooBench}): the API's answer times for
 * the overview with 256 agents, and what 20 clients on the live stream cost a running colony.
 *
 * <p>Depends on {@code zoo}, {@code colony} and {@code core}.
 */
package io.vivarium.bench.zoo;
