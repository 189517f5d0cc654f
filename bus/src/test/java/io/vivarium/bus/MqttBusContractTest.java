package io.vivarium.bus;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bus contract on the MQTT bus with its embedded broker on 127.0.0.1, port 0, and its
 * credentials in a temporary data directory.
 */
class MqttBusContractTest extends BusContract {
  @TempDir Path dataDir;

  @Override
  protected Bus open() {
    return MqttBus.open(TestBus.config(""), "lab", dataDir);
  }

  @Override
  protected BusCredentials login() {
    return BusCredentials.read(dataDir);
  }
}
