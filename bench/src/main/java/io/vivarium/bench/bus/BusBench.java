package io.vivarium.bench.bus;

import io.vivarium.bus.BrokerUrl;
import io.vivarium.bus.BusCredentials;
import io.vivarium.bus.EmbeddedBroker;
import io.vivarium.core.config.BusConfig;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The bus load benchmark: 1 publisher, 4 subscribers, 200-byte payloads, QoS 0 then QoS 1,
 * through the embedded broker (default), or an external one ({@code --broker tcp://HOST:PORT},
 * e.g. Debian's mosquitto, for a side-by-side). Prints {@code key: value} lines, among them
 * {@code delivered_per_second_qos0}, {@code delivered_per_second_qos1} and {@code lost_qos1}.
 *
 * <p>Options: {@code --seconds S} (publishing time per QoS, default 5), {@code --broker URL},
 * {@code --subscribers N} (4), {@code --payload BYTES} (200), {@code --embedded NAME}
 * ({@code moquette}, the bus's broker; {@code hivemq-ce} only in a build with
 * {@code -Pcompare-brokers}), {@code --queue N} (the embedded broker's per-client queue,
 * default {@code bus.brokerQueue}).
 */
public final class BusBench {
  private BusBench() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, new PrintWriter(System.out, true)));
  }

  /** Runs the benchmark with command-line {@code args}; returns the exit code. */
  public static int run(String[] args, PrintWriter out) throws Exception {
    Options o = Options.parse(args);
    long t0 = System.nanoTime();
    AutoCloseable broker = null;
    BrokerUrl url;
    String name;
    BusCredentials login = null;
    if (o.broker != null) {
      url = o.broker;
      name = "external";
    } else if (o.embedded.equals("moquette")) {
      login = BusCredentials.random();
      EmbeddedBroker b = EmbeddedBroker.start(0, o.queue, login);
      broker = b;
      url = b.url();
      name = "embedded moquette";
    } else {
      Object[] started = startOther(o.embedded, o.queue);
      broker = (AutoCloseable) started[0];
      url = (BrokerUrl) started[1];
      name = "embedded " + o.embedded;
    }
    long startMillis = (System.nanoTime() - t0) / 1_000_000;
    try {
      out.println("machine_load_average_at_start: " + loadAverage());
      out.println("broker: " + name + " " + url);
      if (broker != null) {
        out.println("broker_start_ms: " + startMillis);
      }
      out.println("seconds: " + o.seconds);
      out.println("subscribers: " + o.subscribers);
      out.println("payload_bytes: " + o.payload);
      BusLoad load = new BusLoad(url, login, o.subscribers, o.payload);
      for (int qos = 0; qos <= 1; qos++) {
        print(out, load.run(qos, o.seconds));
      }
      out.println("machine_load_average_at_end: " + loadAverage());
      out.flush();
      return 0;
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void print(PrintWriter out, BusLoad.Result r) {
    String q = "_qos" + r.qos();
    out.println("published" + q + ": " + r.published());
    out.println("delivered" + q + ": " + r.delivered());
    out.println("delivered_per_second" + q + ": " + Math.round(r.deliveredPerSecond()));
    out.println("lost" + q + ": " + r.lost());
    out.println("duplicates" + q + ": " + r.duplicates());
    if (r.failed() > 0) {
      out.println("publish_failures" + q + ": " + r.failed());
    }
    if (r.unacknowledged() > 0) {
      out.println("unacknowledged" + q + ": " + r.unacknowledged());
    }
  }

  /** Starts a comparison broker from the optional compare-brokers build. */
  private static Object[] startOther(String name, int queue) throws Exception {
    if (!name.equals("hivemq-ce")) {
      throw new IllegalArgumentException(
          "--embedded must be moquette or hivemq-ce; got '" + name + "'");
    }
    Class<?> c;
    try {
      c = Class.forName("io.vivarium.bench.bus.HiveMqCeBroker");
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("--embedded hivemq-ce needs the comparison build:"
          + " ./mvnw -B -q -pl bench -am -Pcompare-brokers package -DskipTests", e);
    }
    AutoCloseable b = (AutoCloseable) c.getMethod("start", int.class)
        .invoke(null, queue);
    BrokerUrl url = (BrokerUrl) c.getMethod("url").invoke(b);
    return new Object[] {b, url};
  }

  /** The parsed command line. */
  private record Options(int seconds, BrokerUrl broker, int subscribers, int payload,
      String embedded, int queue) {
    static Options parse(String[] args) {
      int seconds = 5;
      BrokerUrl broker = null;
      int subscribers = 4;
      int payload = 200;
      String embedded = "moquette";
      int queue = BusConfig.defaults().brokerQueue();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value; options: --seconds S,"
              + " --broker tcp://HOST:PORT, --subscribers N, --payload BYTES, --embedded NAME, --queue N");
        }
        String v = args[++i];
        switch (a) {
          case "--seconds" -> seconds = positive(a, v, 3600);
          case "--broker" -> broker = BrokerUrl.parse(v);
          case "--subscribers" -> subscribers = positive(a, v, 64);
          case "--payload" -> payload = Math.max(4, positive(a, v, 1 << 20));
          case "--embedded" -> embedded = v;
          case "--queue" -> queue = positive(a, v, 10_000_000);
          default -> throw new IllegalArgumentException("unknown option '" + a + "'; options:"
              + " --seconds S, --broker tcp://HOST:PORT, --subscribers N, --payload BYTES,"
              + " --embedded NAME, --queue N");
        }
      }
      if (broker != null && broker.tls()) {
        throw new IllegalArgumentException("--broker must be a tcp:// URL for the benchmark;"
            + " got " + broker);
      }
      return new Options(seconds, broker, subscribers, payload, embedded, queue);
    }

    private static int positive(String option, String value, int max) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1 && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      throw new IllegalArgumentException(
          option + " must be a whole number between 1 and " + max + "; got '" + value + "'");
    }
  }
}
