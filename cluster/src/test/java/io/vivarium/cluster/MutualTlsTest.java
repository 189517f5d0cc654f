package io.vivarium.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.config.ClusterConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes with {@code cluster.keyStore} talk over Artery's TLS with mutual authentication: two
 * nodes holding the cluster's certificate form a cluster; a node with another certificate never
 * becomes a member.
 */
class MutualTlsTest {
  @TempDir Path dir;
  private final List<ActorSystem<Void>> systems = new ArrayList<>();

  /**
   * Stops every node at once, newest first: stopping the seed node first, one node at a time,
   * left the stranger retrying its refused handshake against a node going away, and its own
   * shutdown sometimes outlasted the wait (1 run in 3 on a 2-core host).
   */
  @AfterEach
  void stop() throws Exception {
    List<ActorSystem<Void>> newestFirst = new ArrayList<>(systems);
    java.util.Collections.reverse(newestFirst);
    newestFirst.forEach(ActorSystem::terminate);
    for (ActorSystem<Void> s : newestFirst) {
      s.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void nodesWithTheClustersCertificateJoinAndOthersDoNot() throws Exception {
    Path ours = keyStore("ours");
    Path theirs = keyStore("theirs");
    String first = "127.0.0.1:" + freePort();
    ActorSystem<Void> a = node(first, "", ours);
    ActorSystem<Void> b = node("127.0.0.1:" + freePort(), first, ours);
    assertThat(upWithin(b, 2, 30)).as("a node with the cluster's certificate joins").isTrue();
    ActorSystem<Void> stranger = node("127.0.0.1:" + freePort(), first, theirs);
    assertThat(upWithin(stranger, 1, 10)).as("a node with another certificate is not let in").isFalse();
    assertThat(Cluster.get(a).state().getMembers()).hasSize(2);
  }

  private ActorSystem<Void> node(String bind, String join, Path keyStore) {
    ClusterConfig c = new ClusterConfig("tls", bind, join, "unused", "unused", 5, keyStore.toString(), "secret");
    ActorSystem<Void> s = ActorSystem.create(Behaviors.empty(), "tls", NodeSettings.of(c));
    systems.add(s);
    return s;
  }

  /** Whether {@code s} is up in a cluster of at least {@code members} within {@code seconds}. */
  private static boolean upWithin(ActorSystem<Void> s, int members, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      Cluster c = Cluster.get(s);
      if (c.selfMember().status() == MemberStatus.up() && c.state().getMembers().spliterator().estimateSize() >= members) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** A PKCS#12 file with one self-signed key pair: it is the node's key and the certificate it trusts. */
  private Path keyStore(String name) throws Exception {
    Path file = dir.resolve(name + ".p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "secret")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return file;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
