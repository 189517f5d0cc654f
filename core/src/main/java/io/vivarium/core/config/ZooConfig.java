package io.vivarium.core.config;

/** The zookeeper web console. */
public record ZooConfig(
    @Doc("Whether vivarium run serves the zookeeper.") boolean enabled,
    @Doc("Address to bind; anything but 127.0.0.1 requires zoo.token.") String host,
    @Doc("Port to serve on.") @Range(min = 0, max = 65535) int port,
    @Doc("Access token, required when host is not 127.0.0.1.") @Secret String token) {

  public static ZooConfig defaults() {
    return new ZooConfig(true, "127.0.0.1", 7070, "");
  }
}
