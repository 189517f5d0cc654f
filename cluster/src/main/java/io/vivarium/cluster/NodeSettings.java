package io.vivarium.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vivarium.core.config.ClusterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's Pekko settings from {@code cluster.*}: Artery on {@code cluster.bind}, the seed nodes,
 * the split-brain resolver (keep-majority after {@code cluster.downAfterSeconds}), sharding
 * without automatic passivation, the nodes' own serializer, logging through SLF4J, and mutual
 * TLS when {@code cluster.keyStore} is set (required for any address but loopback). Stateless.
 */
final class NodeSettings {
  /** Shards of agents; every node of a cluster must agree (docs/cluster.md). */
  static final int SHARDS = 64;

  private NodeSettings() {}

  /** {@code HOST:PORT} split, with a clear error for anything else. */
  record HostPort(String host, int port) {
    static HostPort parse(String key, String text) {
      int colon = text.lastIndexOf(':');
      int port = -1;
      try {
        port = colon > 0 ? Integer.parseInt(text.substring(colon + 1)) : -1;
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(key + " must be HOST:PORT with a port from 1 to 65535; got '" + text
            + "' (e.g. 127.0.0.1:25520)");
      }
      return new HostPort(text.substring(0, colon), port);
    }

    boolean loopback() {
      return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  static Config of(ClusterConfig c) {
    HostPort bind = HostPort.parse("cluster.bind", c.bind());
    List<String> seeds = new ArrayList<>();
    if (c.join().isEmpty()) {
      seeds.add(address(c.name(), bind));
    } else {
      for (String s : c.join().split(",")) {
        seeds.add(address(c.name(), HostPort.parse("cluster.join", s.trim())));
      }
    }
    StringBuilder hocon = new StringBuilder();
    hocon.append("pekko.actor.provider = cluster\n")
        .append("pekko.loglevel = INFO\n")
        .append("pekko.stdout-loglevel = OFF\n")
        .append("pekko.log-dead-letters = off\n")
        .append("pekko.log-dead-letters-during-shutdown = off\n")
        .append("pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]\n")
        .append("pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"\n")
        .append("pekko.actor.serializers.vivarium = \"").append(Wire.class.getName()).append("\"\n")
        .append("pekko.actor.serialization-bindings { \"").append(Message.class.getName()).append("\" = vivarium }\n")
        .append("pekko.remote.artery.canonical.hostname = \"").append(bind.host()).append("\"\n")
        .append("pekko.remote.artery.canonical.port = ").append(bind.port()).append('\n')
        .append("pekko.cluster.seed-nodes = [").append(String.join(", ", seeds.stream().map(s -> "\"" + s + "\"").toList()))
        .append("]\n")
        .append("pekko.cluster.downing-provider-class = \"org.apache.pekko.cluster.sbr.SplitBrainResolverProvider\"\n")
        .append("pekko.cluster.split-brain-resolver.active-strategy = keep-majority\n")
        .append("pekko.cluster.split-brain-resolver.stable-after = ").append(c.downAfterSeconds()).append("s\n")
        .append("pekko.cluster.shutdown-after-unsuccessful-join-seed-nodes = 20s\n")
        .append("pekko.cluster.jmx.enabled = off\n")
        .append("pekko.cluster.sharding.number-of-shards = ").append(SHARDS).append('\n')
        .append("pekko.cluster.sharding.passivation.strategy = none\n")
        .append("pekko.cluster.sharding.rebalance-interval = 5s\n")
        .append("pekko.cluster.sharding.least-shard-allocation-strategy.rebalance-absolute-limit = 20\n")
        .append("pekko.cluster.sharding.least-shard-allocation-strategy.rebalance-relative-limit = 0.5\n")
        .append("pekko.coordinated-shutdown.exit-jvm = off\n")
        .append("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n");
    tls(c, bind, hocon);
    return ConfigFactory.parseString(hocon.toString()).withFallback(ConfigFactory.load());
  }

  /** The Pekko address of a node of cluster {@code name} at {@code at}. */
  static String address(String name, HostPort at) {
    return "pekko://" + name + "@" + at.host() + ":" + at.port();
  }

  private static void tls(ClusterConfig c, HostPort bind, StringBuilder hocon) {
    if (c.keyStore().isEmpty()) {
      if (!bind.loopback()) {
        throw new IllegalArgumentException("cluster.bind=" + bind + " listens beyond this machine, where anyone could "
            + "send the nodes messages; set cluster.keyStore (a PKCS#12 file with this node's key and the cluster's CA, "
            + "docs/cluster.md) for mutual TLS, or bind 127.0.0.1");
      }
      return;
    }
    Path store = Path.of(c.keyStore());
    if (!Files.isReadable(store)) {
      throw new IllegalArgumentException("cluster.keyStore=" + store + " cannot be read; give the PKCS#12 file with this "
          + "node's key and certificate and the cluster's CA certificate");
    }
    String file = store.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    String pass = c.keyStorePassword().replace("\\", "\\\\").replace("\"", "\\\"");
    String engine = "pekko.remote.artery.ssl.config-ssl-engine.";
    hocon.append("pekko.remote.artery.transport = tls-tcp\n")
        .append(engine).append("key-store = \"").append(file).append("\"\n")
        .append(engine).append("trust-store = \"").append(file).append("\"\n")
        .append(engine).append("key-store-password = \"").append(pass).append("\"\n")
        .append(engine).append("key-password = \"").append(pass).append("\"\n")
        .append(engine).append("trust-store-password = \"").append(pass).append("\"\n")
        .append(engine).append("require-mutual-authentication = on\n");
  }
}
