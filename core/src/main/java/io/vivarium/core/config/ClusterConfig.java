package io.vivarium.core.config;

/**
 * A colony across machines (docs/cluster.md): Pekko Cluster nodes sharing a PostgreSQL registry
 * and a directory every node mounts. With an empty {@code name} the colony runs in one process.
 */
public record ClusterConfig(
    @Doc("The cluster's name; empty runs the colony in this process alone. Every node of one colony uses the same name.")
        @Pattern(value = "|[A-Za-z0-9][A-Za-z0-9_-]{0,63}", rule = "empty, or letters, digits, '-' and '_' (up to 64)")
        String name,
    @Doc("HOST:PORT this node listens on for the other nodes; a host other than 127.0.0.1 needs cluster.keyStore (mutual TLS).")
        @Pattern(value = "[^:\\s]+:[0-9]{1,5}", rule = "HOST:PORT") String bind,
    @Doc("HOST:PORT of a running node to join (comma-separated for several); empty starts a new cluster.")
        @Pattern(value = "|[^:\\s,]+:[0-9]{1,5}(,[^:\\s,]+:[0-9]{1,5})*", rule = "empty, or HOST:PORT[,HOST:PORT…]")
        String join,
    @Doc("The registry every node shares: postgresql://USER@HOST:PORT/DATABASE (password from PGPASSWORD).")
        String registry,
    @Doc("A directory every node mounts, holding the checkpoints and the shared memory.") String shared,
    @Doc("Seconds a node may be unreachable before the others take its agents (Pekko's split-brain resolver, stable-after).")
        @Range(min = 2, max = 600) int downAfterSeconds,
    @Doc("PKCS#12 file with this node's key and certificate and the cluster's CA certificate; set, nodes talk over mutual TLS.")
        String keyStore,
    @Doc("Password of cluster.keyStore.") @Secret String keyStorePassword) {

  public static ClusterConfig defaults() {
    return new ClusterConfig("", "127.0.0.1:25520", "", "", "", 5, "", "");
  }

  /** Whether the colony runs as a node of a cluster. */
  public boolean enabled() {
    return !name.isEmpty();
  }
}
