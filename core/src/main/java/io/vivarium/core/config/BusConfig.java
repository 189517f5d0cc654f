package io.vivarium.core.config;

/** The MQTT bus. */
public record BusConfig(
    @Doc("Whether the colony publishes on a bus at all.") boolean enabled,
    @Doc("External broker URL (tcp://HOST:PORT or ssl://HOST:PORT); empty starts the embedded broker.")
        @Pattern(value = "|(tcp|ssl)://[^/:\\s]+:[0-9]{1,5}",
            rule = "empty, or tcp://HOST:PORT or ssl://HOST:PORT")
        String url,
    @Doc("Port of the embedded broker on 127.0.0.1 (0 picks a free port).")
        @Range(min = 0, max = 65535) int port,
    @Doc("User name for the external broker; empty connects without credentials. The embedded broker ignores it:"
        + " it accepts only the user in the data directory's bus.credentials.") String username,
    @Doc("Password for the external broker (used only with a username).") @Secret String password,
    @Doc("PKCS#12 or JKS trust store for ssl:// brokers; empty trusts the JDK's default CAs.")
        String trustStore,
    @Doc("Password of the trust store; empty for none.") @Secret String trustStorePassword,
    @Doc("PKCS#12 key store with the client certificate and its key for ssl:// brokers that require one; empty"
        + " sends none.") String keyStore,
    @Doc("Password of the key store and of the key in it.") @Secret String keyStorePassword,
    @Doc("Messages waiting to be sent before the oldest is dropped (publishers never block).")
        @Range(min = 16, max = 1_000_000) int outbox,
    @Doc("Messages waiting for a slow subscriber callback before the oldest is dropped.")
        @Range(min = 16, max = 1_000_000) int inbox,
    @Doc("Per-client message queue of the embedded broker; QoS 1 messages beyond it are lost.")
        @Range(min = 1024, max = 10_000_000) int brokerQueue,
    @Doc("Least milliseconds between two video frames of one agent; faster frames are dropped.")
        @Range(min = 0, max = 60_000) int videoIntervalMillis,
    @Doc("Least milliseconds between two byte counts, touch and entropy messages of one agent.")
        @Range(min = 0, max = 3_600_000) int intervalMillis,
    @Doc("Bytes of people's latest text (text:from_parent) shown to each agent after its world's text; 0 shows none.")
        @Range(min = 0, max = 4096) int textBytes,
    @Doc("Whether answers to people (text:to_parent) are also spoken by espeak-ng, published on audio:to_parent and"
        + " kept for the zookeeper's player; off with one warning line when espeak-ng is not installed.")
        boolean speak) {

  public static BusConfig defaults() {
    return new BusConfig(true, "", 1883, "", "", "", "", "", "", 10_000, 10_000, 1_000_000, 200, 1000, 0, true);
  }

  /** This configuration with the user name and password a client logs in with. */
  public BusConfig withLogin(String username, String password) {
    return new BusConfig(enabled, url, port, username, password, trustStore, trustStorePassword, keyStore,
        keyStorePassword, outbox, inbox, brokerQueue, videoIntervalMillis, intervalMillis, textBytes, speak);
  }
}
