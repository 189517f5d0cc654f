package io.vivarium.bus;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 3.1.1 broker inside this JVM (Moquette), bound to 127.0.0.1 only, in memory, with
 * its telemetry and error reporting switched off so that it never talks to the network.
 * Chosen over HiveMQ CE embedded after measuring both (docs/bus.md): it starts three to four
 * times faster and weighs a twelfth, and loses no QoS 1 message once its per-client queue is
 * large enough; HiveMQ CE delivered 1.5 to 2 times as many QoS 1 messages per second.
 *
 * <p>It refuses anonymous connections and accepts one user, {@link BusCredentials}: any process
 * on the machine can reach 127.0.0.1, so only who knows the password may publish or listen.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
  /** Largest MQTT message the embedded broker accepts, in bytes. */
  public static final int MAX_MESSAGE = 8 * 1024 * 1024;

  private final Server server;
  private final int port;
  private boolean closed;

  private EmbeddedBroker(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a broker on 127.0.0.1.
   *
   * @param port the TCP port, or 0 for a free one
   * @param queue messages one client may have waiting; QoS 1 messages beyond it are lost
   * @param login the only user the broker accepts
   */
  public static EmbeddedBroker start(int port, int queue, BusCredentials login) {
    Objects.requireNonNull(login, "login");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "broker port must be between 0 and 65535 (0 picks a free one); got " + port);
    }
    if (queue < 1) {
      throw new IllegalArgumentException("broker queue must be at least 1; got " + queue);
    }
    int chosen = port == 0 ? freePort() : port;
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(chosen));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("allow_anonymous", "false");
    p.setProperty("allow_zero_byte_client_id", "true");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("use_bugsnag", "false");
    p.setProperty("use_metrics", "false");
    p.setProperty("session_queue_size", Integer.toString(queue));
    p.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE));
    Server server = new Server();
    try {
      server.startServer(new MemoryConfig(p), List.of(), null, new OneUser(login), new OneUser(login));
    } catch (IOException | RuntimeException e) {
      server.stopServer();
      throw new IllegalStateException(
          "cannot start the embedded MQTT broker on 127.0.0.1:" + chosen + " (" + e.getMessage()
              + "); choose another port or use an external broker", e);
    }
    LOG.info("embedded MQTT broker listening on tcp://127.0.0.1:{}", chosen);
    return new EmbeddedBroker(server, chosen);
  }

  /** The port the broker listens on. */
  public int port() {
    return port;
  }

  /** The broker's address, {@code tcp://127.0.0.1:PORT}. */
  public BrokerUrl url() {
    return new BrokerUrl(false, "127.0.0.1", port);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.stopServer();
    }
  }

  /** Accepts {@code login} only, and lets it publish and subscribe everywhere. Thread-safe. */
  private record OneUser(BusCredentials login) implements IAuthenticator, IAuthorizatorPolicy {
    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
      boolean ok = login.accepts(username, password);
      if (!ok) {
        LOG.warn("embedded MQTT broker: refused client '{}' (user '{}'): wrong user or password", clientId, username);
      }
      return ok;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
      return login.user().equals(user);
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
      return login.user().equals(user);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }
}
