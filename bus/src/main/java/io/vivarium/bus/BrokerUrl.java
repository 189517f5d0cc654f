package io.vivarium.bus;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a broker listens: {@code tcp://HOST:PORT} or {@code ssl://HOST:PORT}.
 *
 * @param tls whether the connection uses TLS ({@code ssl://})
 * @param host host name or address
 * @param port TCP port, 1–65535
 */
public record BrokerUrl(boolean tls, String host, int port) {
  private static final Pattern URL = Pattern.compile("(tcp|ssl)://([^/:\\s]+):([0-9]{1,5})");

  public BrokerUrl {
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "broker address needs a host and a port between 1 and 65535; got '" + host + ":"
              + port + "'");
    }
  }

  /** Parses {@code tcp://HOST:PORT} or {@code ssl://HOST:PORT}. */
  public static BrokerUrl parse(String url) {
    Matcher m = URL.matcher(Objects.requireNonNull(url, "url").trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "broker URL must be tcp://HOST:PORT or ssl://HOST:PORT, e.g. tcp://127.0.0.1:1883;"
              + " got '" + url + "'");
    }
    return new BrokerUrl(m.group(1).equals("ssl"), m.group(2), Integer.parseInt(m.group(3)));
  }

  @Override
  public String toString() {
    return (tls ? "ssl" : "tcp") + "://" + host + ":" + port;
  }
}
