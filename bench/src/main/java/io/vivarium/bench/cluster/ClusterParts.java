package io.vivarium.bench.cluster;

import io.vivarium.cluster.BenchNodes;
import io.vivarium.cluster.CoordinationProbe;
import io.vivarium.cluster.MemoryProbe;
import io.vivarium.memory.LuceneMemory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of {@link ClusterBench} that run Pekko nodes in this JVM: the shared memory through
 * the cluster, and the coordination messages. Stateless.
 */
final class ClusterParts {
  private ClusterParts() {}

  static void memory(ClusterBench.Options o, Lines lines, int[] callers) throws Exception {
    Path served = Files.createTempDirectory(o.work(), "served-memory");
    Path local = Files.createTempDirectory(o.work(), "local-memory");
    try (BenchNodes nodes = new BenchNodes(2)) {
      MemoryProbe probe = new MemoryProbe(nodes, served);
      lines.put("memory_dimension", probe.dimension(), "floats");
      lines.put("memory_entries", o.entries(), "entries");
      lines.put("memory_cluster_stores_per_second", Math.round(probe.fill(o.entries())), "req/s");
      for (int c : callers) {
        MemoryProbe.Run r = probe.recall(c, o.seconds());
        String p = "memory_cluster_recall_" + c + "c_";
        lines.put(p + "per_second", Math.round(r.perSecond()), "req/s");
        lines.latency(p + "latency", r.latency());
        lines.put(p + "missed", r.missed(), "req");
      }
      try (LuceneMemory m = probe.local(local)) {
        long t0 = System.nanoTime();
        probe.fill(m, o.entries());
        lines.put("memory_local_stores_per_second", Math.round(o.entries() / ((System.nanoTime() - t0) / 1e9)), "req/s");
        for (int c : new int[] {1, callers[callers.length - 1]}) {
          MemoryProbe.Run r = probe.recall(m, c, o.seconds());
          String p = "memory_local_recall_" + c + "c_";
          lines.put(p + "per_second", Math.round(r.perSecond()), "req/s");
          lines.latency(p + "latency", r.latency());
        }
      }
    }
  }

  static void coordination(ClusterBench.Options o, Lines lines) throws Exception {
    int seconds = Math.max(3, o.seconds());
    CoordinationProbe.Result r = CoordinationProbe.run(2, o.registry(), 32, seconds, 200);
    lines.put("coord_nodes", r.ensuresPerNode().length, "nodes");
    lines.put("coord_alive_agents", r.alive(), "agents");
    lines.put("coord_ensures_per_second", r.ensures() / r.seconds(), "msg/s");
    lines.put("coord_ensures_per_agent_second", r.ensures() / r.seconds() / Math.max(1, r.alive()), "msg/agent/s");
    lines.put("coord_ensures_remote_per_second", r.remoteEnsures() / r.seconds(), "msg/s");
    lines.latency("coord_child_id_ask", r.childId());
    ClusterBench.putAll(lines, "wire_bytes_", r.wireBytes(), "B");
  }
}
