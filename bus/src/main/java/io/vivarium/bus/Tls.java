package io.vivarium.bus;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import io.vivarium.core.config.BusConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the client's TLS settings from the bus configuration. Stateless, thread-safe. */
final class Tls {
  private Tls() {}

  /**
   * Checks that a client certificate is asked for only where it can be sent: on an
   * {@code ssl://} connection to an external broker.
   */
  static void check(BusConfig config, BrokerUrl url) {
    if (!config.keyStore().isEmpty() && (url == null || !url.tls())) {
      throw new IllegalArgumentException("bus.keyStore (a client certificate) needs an ssl:// bus.url; got url '"
          + config.url() + "'; set bus.url=ssl://HOST:PORT, or leave bus.keyStore empty");
    }
  }

  /**
   * TLS trusting the certificates in {@code bus.trustStore} (PKCS#12 or JKS), or the JDK's
   * default authorities when it is empty, and presenting the client certificate in
   * {@code bus.keyStore} (PKCS#12) when it is set.
   */
  static MqttClientSslConfig config(BusConfig config) {
    MqttClientSslConfigBuilder b = MqttClientSslConfig.builder();
    if (!config.trustStore().isEmpty()) {
      KeyStore ks = load("bus.trustStore", config.trustStore(), config.trustStorePassword(),
          "a PKCS#12 or JKS trust store, or leave it empty to trust the JDK's default authorities");
      try {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        b = b.trustManagerFactory(tmf);
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("bus.trustStore " + config.trustStore()
            + " cannot serve as a trust store (" + e.getMessage() + "); check the file");
      }
    }
    if (!config.keyStore().isEmpty()) {
      b = b.keyManagerFactory(keys(config));
    }
    return b.build();
  }

  private static KeyManagerFactory keys(BusConfig config) {
    String name = config.keyStore();
    KeyStore ks = load("bus.keyStore", name, config.keyStorePassword(),
        "a PKCS#12 key store with the client certificate and its key, or leave it empty to send none");
    try {
      if (!hasKey(ks)) {
        throw new IllegalArgumentException("bus.keyStore " + name + " holds no key; put the client's certificate"
            + " and key in it (openssl pkcs12 -export)");
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, config.keyStorePassword().toCharArray());
      return kmf;
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException("bus.keyStore " + name + ": the key cannot be unlocked with"
          + " bus.keyStorePassword (" + e.getMessage() + "); give the key's password, which must equal the store's");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("bus.keyStore " + name + " cannot serve as a key store ("
          + e.getMessage() + "); check the file");
    }
  }

  private static boolean hasKey(KeyStore ks) throws KeyStoreException {
    for (String alias : Collections.list(ks.aliases())) {
      if (ks.isKeyEntry(alias)) {
        return true;
      }
    }
    return false;
  }

  /** Loads a store, with errors naming {@code key}, the file and {@code want}. */
  private static KeyStore load(String key, String file, String password, String want) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(key + " " + file + " does not exist; give the path of " + want);
    }
    try {
      return KeyStore.getInstance(path.toFile(), password.isEmpty() ? null : password.toCharArray());
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException(key + " " + file + " cannot be opened with " + key
            + "Password (wrong password); give the store's password");
      }
      throw new IllegalArgumentException(key + " " + file + " cannot be read (" + e.getMessage()
          + "); check the file and " + key + "Password, or give the path of " + want);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(key + " " + file + " cannot be read (" + e.getMessage()
          + "); give the path of " + want);
    }
  }
}
