package io.vivarium.bus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.vivarium.core.config.BusConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Helpers shared by the bus tests. */
final class TestBus {
  private TestBus() {}

  /** The default configuration, pointed at {@code url} ("" for an embedded broker on port 0). */
  static BusConfig config(String url) {
    BusConfig d = BusConfig.defaults();
    return new BusConfig(true, url, 0, d.username(), d.password(), d.trustStore(),
        d.trustStorePassword(), d.keyStore(), d.keyStorePassword(), d.outbox(), d.inbox(), d.brokerQueue(),
        d.videoIntervalMillis(), d.intervalMillis(), d.textBytes(), d.speak());
  }

  /** Same, with a small inbox and a video interval. */
  static BusConfig config(String url, int inbox, int videoIntervalMillis) {
    BusConfig d = config(url);
    return new BusConfig(true, url, 0, d.username(), d.password(), d.trustStore(),
        d.trustStorePassword(), d.keyStore(), d.keyStorePassword(), d.outbox(), inbox, d.brokerQueue(),
        videoIntervalMillis, d.intervalMillis(), d.textBytes(), d.speak());
  }

  /** External broker {@code url} with TLS stores; empty strings leave a store out. */
  static BusConfig tls(String url, String trustStore, String trustPassword, String keyStore, String keyPassword) {
    BusConfig d = config(url);
    return new BusConfig(true, url, 0, "", "", trustStore, trustPassword, keyStore, keyPassword, d.outbox(),
        d.inbox(), d.brokerQueue(), d.videoIntervalMillis(), d.intervalMillis(), d.textBytes(), d.speak());
  }

  /** The default configuration for {@code url}, logging in with the credentials in {@code dataDir}. */
  static BusConfig loggedIn(String url, Path dataDir) {
    BusCredentials c = BusCredentials.read(dataDir);
    return config(url).withLogin(c.user(), c.password());
  }

  /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what);
      }
    }
  }

  /**
   * Publishes raw bytes with a plain MQTT client logged in as {@code login} (anonymous when
   * null), bypassing every codec.
   */
  static void publishRaw(int port, BusCredentials login, String topic, byte[] payload) {
    Mqtt3BlockingClient c = MqttClient.builder().useMqttVersion3()
        .serverHost("127.0.0.1").serverPort(port).buildBlocking();
    if (login == null) {
      c.connect();
    } else {
      c.connectWith().simpleAuth().username(login.user())
          .password(login.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
    }
    try {
      c.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    } finally {
      c.disconnect();
    }
  }
}
