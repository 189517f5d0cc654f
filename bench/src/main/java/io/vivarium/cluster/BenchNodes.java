package io.vivarium.cluster;

import io.vivarium.core.config.ClusterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Benchmark nodes: {@code n} Pekko cluster nodes in this JVM on 127.0.0.1, with the settings a
 * colony node gets ({@link NodeSettings}); the first is the oldest, so it hosts the cluster
 * singletons. Lives in the cluster module's package (in the bench module) to reach its
 * package-private parts without widening them. Not thread-safe; {@link #close} stops every node.
 */
public final class BenchNodes implements AutoCloseable {
  private final List<ActorSystem<Void>> systems = new ArrayList<>();

  /** Starts {@code n} nodes of a new cluster and waits (at most 30 s) until all are up. */
  public BenchNodes(int n) {
    String name = "bench" + System.nanoTime() % 1_000_000;
    String seed = "127.0.0.1:" + freePort();
    try {
      for (int i = 0; i < n; i++) {
        String bind = i == 0 ? seed : "127.0.0.1:" + freePort();
        ClusterConfig c = new ClusterConfig(name, bind, i == 0 ? "" : seed, "", "", 5, "", "");
        systems.add(ActorSystem.create(Behaviors.empty(), name, NodeSettings.of(c)));
        awaitUp(systems.get(i), i + 1);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Node {@code i} (0 is the oldest). */
  ActorSystem<Void> node(int i) {
    return systems.get(i);
  }

  public int size() {
    return systems.size();
  }

  private static void awaitUp(ActorSystem<Void> s, int members) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Cluster c = Cluster.get(s);
    while (c.selfMember().status() != MemberStatus.up() || upMembers(c) < members) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("benchmark node " + s.address() + " did not join within 30 s");
      }
      sleep(50);
    }
  }

  private static int upMembers(Cluster c) {
    int up = 0;
    for (org.apache.pekko.cluster.Member m : c.state().getMembers()) {
      if (m.status() == MemberStatus.up()) {
        up++;
      }
    }
    return up;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the nodes, youngest first. Idempotent. */
  @Override
  public void close() {
    for (int i = systems.size() - 1; i >= 0; i--) {
      ActorSystem<Void> s = systems.get(i);
      s.terminate();
      try {
        s.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // a node that does not stop in time is left to the JVM's exit
      }
    }
    systems.clear();
  }
}
