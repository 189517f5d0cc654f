package io.vivarium.bus;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;

/** Builds the client's TLS settings from the bus configuration. Stateless, thread-safe. */
final class Tls {
  private Tls() {}

  /**
   * TLS trusting the certificates in {@code trustStore} (PKCS#12 or JKS), or the JDK's default
   * authorities when it is empty.
   */
  static MqttClientSslConfig config(String trustStore, String password) {
    if (trustStore.isEmpty()) {
      return MqttClientSslConfig.builder().build();
    }
    Path path = Path.of(trustStore);
    char[] pw = password.isEmpty() ? null : password.toCharArray();
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "bus.trustStore " + trustStore + " does not exist; give the path of a PKCS#12 or JKS"
              + " trust store, or leave it empty to trust the JDK's default authorities");
    }
    try {
      KeyStore ks = KeyStore.getInstance(path.toFile(), pw);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return MqttClientSslConfig.builder().trustManagerFactory(tmf).build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "bus.trustStore " + trustStore + " cannot be read as a PKCS#12 or JKS trust store ("
              + e.getMessage() + "); check the file and bus.trustStorePassword");
    }
  }
}
