package io.vivarium.bus;

/** The bus contract on the MQTT bus with its embedded broker on 127.0.0.1, port 0. */
class MqttBusContractTest extends BusContract {
  @Override
  protected Bus open() {
    return MqttBus.open(TestBus.config(""), "lab");
  }
}
