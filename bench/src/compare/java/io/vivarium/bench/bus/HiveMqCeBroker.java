package io.vivarium.bench.bus;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.vivarium.bus.BrokerUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HiveMQ CE embedded, for the broker comparison only (built with {@code -Pcompare-brokers}):
 * 127.0.0.1, in-memory persistence, usage statistics off, per-client queue as given.
 *
 * <p>Not thread-safe.
 */
public final class HiveMqCeBroker implements AutoCloseable {
  private final EmbeddedHiveMQ hive;
  private final int port;

  private HiveMqCeBroker(EmbeddedHiveMQ hive, int port) {
    this.hive = hive;
    this.port = port;
  }

  /** Starts HiveMQ CE on a free loopback port with a per-client queue of {@code queue}. */
  public static HiveMqCeBroker start(int queue) throws Exception {
    Path dir = Files.createTempDirectory("vivarium-hivemq-ce");
    int port = freePort();
    Files.writeString(dir.resolve("config.xml"), """
        <hivemq>
          <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address>
          </tcp-listener></listeners>
          <persistence><mode>in-memory</mode></persistence>
          <mqtt><queued-messages><max-queue-size>%d</max-queue-size></queued-messages></mqtt>
          <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
        </hivemq>
        """.formatted(port, queue));
    EmbeddedHiveMQ hive = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(dir)
        .withDataFolder(dir.resolve("data"))
        .withExtensionsFolder(dir.resolve("extensions"))
        .withoutLoggingBootstrap()
        .build();
    hive.start().join();
    return new HiveMqCeBroker(hive, port);
  }

  public BrokerUrl url() {
    return new BrokerUrl(false, "127.0.0.1", port);
  }

  @Override
  public void close() throws Exception {
    hive.close();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
