/**
 * A colony across machines on Apache Pekko Cluster (docs/cluster.md): every node runs a {@code
 * Colony} whose {@link io.vivarium.cluster.NodePlacement} takes the agents Pekko's sharding gives
 * it ({@link io.vivarium.cluster.AgentEntity}, one sharded entity per agent) and asks the cluster
 * singleton {@link io.vivarium.cluster.PopulationManager} for ids, replication and the cap.
 * Membership, failure detection and downing are Pekko's (the split-brain resolver).
 */
package io.vivarium.cluster;
