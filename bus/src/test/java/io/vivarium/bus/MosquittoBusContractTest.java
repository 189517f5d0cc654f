package io.vivarium.bus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bus contract on the MQTT bus against a real Debian mosquitto, one per test; skipped
 * where mosquitto is not installed.
 */
class MosquittoBusContractTest extends BusContract {
  @TempDir Path brokerDir;
  private Mosquitto broker;

  @BeforeEach
  void startMosquitto() throws IOException {
    assumeTrue(Files.isExecutable(Path.of(Mosquitto.BINARY)),
        "mosquitto is not installed (apt-get install -y mosquitto mosquitto-clients)");
    broker = Mosquitto.start(brokerDir);
  }

  @AfterEach
  void stopMosquitto() {
    if (broker != null) {
      broker.close();
    }
  }

  @Override
  protected Bus open() {
    return MqttBus.open(TestBus.config(broker.url()), "lab");
  }
}
