package io.vivarium.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.config.BusConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bus reaching a real Debian mosquitto that refuses anonymous clients, over TLS with a
 * certificate authority made at test time: by user name and password, and by a client
 * certificate as well.
 */
class MosquittoTlsTest {
  @TempDir Path dir;
  private Mosquitto.Pki pki;
  private Path passwords;

  @BeforeEach
  void makeCertificates() throws Exception {
    pki = Mosquitto.authority(dir);
    passwords = Mosquitto.passwordFile(dir, "keeper", "s3cret");
  }

  @Test
  void tlsWithUserAndPasswordConnectsAndAnonymousOrWrongPasswordsAreRefused() throws Exception {
    try (Mosquitto broker = Mosquitto.start(dir, with(pki.config(), "password_file " + passwords,
        "allow_anonymous false"))) {
      String url = "ssl://127.0.0.1:" + broker.port;
      BusConfig tls = TestBus.tls(url, pki.trustStore().toString(), "changeit", "", "");
      assertThat(connects(tls.withLogin("keeper", "s3cret"))).as("right credentials").isTrue();
      assertThat(connects(tls)).as("anonymous").isFalse();
      assertThat(connects(tls.withLogin("keeper", "wrong"))).as("wrong password").isFalse();
    }
  }

  @Test
  void aBrokerThatRequiresAClientCertificateTakesTheConfiguredKeyStore() throws Exception {
    try (Mosquitto broker = Mosquitto.start(dir, with(pki.config(), "require_certificate true",
        "password_file " + passwords, "allow_anonymous false"))) {
      String url = "ssl://127.0.0.1:" + broker.port;
      String trust = pki.trustStore().toString();
      String keys = pki.clientKeyStore().toString();
      BusConfig cert = TestBus.tls(url, trust, "changeit", keys, "changeit").withLogin("keeper", "s3cret");
      assertThat(connects(cert)).as("certificate and password").isTrue();
      BusConfig noCert = TestBus.tls(url, trust, "changeit", "", "").withLogin("keeper", "s3cret");
      assertThat(connects(noCert)).as("password without a certificate").isFalse();
      BusConfig noPassword = TestBus.tls(url, trust, "changeit", keys, "changeit");
      assertThat(connects(noPassword)).as("certificate without a password").isFalse();
    }
  }

  @Test
  void aBadKeyStoreIsExplained() throws Exception {
    String trust = pki.trustStore().toString();
    String keys = pki.clientKeyStore().toString();
    String ssl = "ssl://127.0.0.1:1";
    assertThatThrownBy(() -> MqttBus.open(TestBus.tls(ssl, trust, "changeit", dir.resolve("no.p12").toString(),
        "changeit"), "lab"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bus.keyStore").hasMessageContaining("no.p12").hasMessageContaining("does not exist");
    assertThatThrownBy(() -> MqttBus.open(TestBus.tls(ssl, trust, "changeit", keys, "wrong"), "lab"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bus.keyStorePassword").hasMessageContaining(keys);
    Path notAStore = Files.writeString(dir.resolve("junk.p12"), "not a key store");
    assertThatThrownBy(() -> MqttBus.open(TestBus.tls(ssl, trust, "changeit", notAStore.toString(), "x"), "lab"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.p12");
    assertThatThrownBy(() -> MqttBus.open(TestBus.tls("tcp://127.0.0.1:1", "", "", keys, "changeit"), "lab"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an ssl:// bus.url")
        .hasMessageContaining("tcp://127.0.0.1:1");
    assertThatThrownBy(() -> MqttBus.open(TestBus.tls("", "", "", keys, "changeit"), "lab", dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an ssl:// bus.url");
  }

  /** Whether a bus with {@code config} is connected once {@link MqttBus#open} returns. */
  private static boolean connects(BusConfig config) {
    try (MqttBus bus = MqttBus.open(config, "lab")) {
      return bus.connected();
    }
  }

  private static String[] with(String[] lines, String... more) {
    String[] all = java.util.Arrays.copyOf(lines, lines.length + more.length);
    System.arraycopy(more, 0, all, lines.length, more.length);
    return all;
  }
}
