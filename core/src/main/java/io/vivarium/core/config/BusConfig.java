package io.vivarium.core.config;

/** The MQTT bus. */
public record BusConfig(
    @Doc("Whether the colony publishes on a bus at all.") boolean enabled,
    @Doc("External broker URL (tcp://HOST:PORT or ssl://HOST:PORT); empty starts the embedded broker.")
        String url,
    @Doc("Port of the embedded broker on 127.0.0.1.") @Range(min = 0, max = 65535) int port) {

  public static BusConfig defaults() {
    return new BusConfig(true, "", 1883);
  }
}
