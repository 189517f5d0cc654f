package io.vivarium.bench.bus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.vivarium.bus.BrokerUrl;
import io.vivarium.bus.BusCredentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load run: one publisher and N subscribers on one topic, fixed-size payloads numbered so
 * that every subscriber's losses and duplicates can be counted exactly. The publisher keeps a
 * bounded window of unacknowledged messages, as the bus's outbox does.
 *
 * <p>Not thread-safe: one run at a time.
 */
final class BusLoad {
  /** What one run measured. */
  record Result(int qos, long published, long failed, long unacknowledged, long delivered,
      long distinct, long duplicates, long lost, double seconds) {
    double deliveredPerSecond() {
      return seconds <= 0 ? 0 : delivered / seconds;
    }
  }

  private static final int WINDOW = 1000;
  /**
   * Client ids are never reused: a subscriber of the previous run may still be draining its
   * backlog at the broker, and a new connection with its id would take over (and lose) its session.
   */
  private static final AtomicLong CLIENTS = new AtomicLong();

  private final BrokerUrl url;
  private final int subscribers;
  private final int payloadBytes;
  private final BusCredentials login;

  /** A load on {@code url}; every client logs in with {@code login}, or anonymously when it is null. */
  BusLoad(BrokerUrl url, BusCredentials login, int subscribers, int payloadBytes) {
    this.url = url;
    this.login = login;
    this.subscribers = subscribers;
    this.payloadBytes = payloadBytes;
  }

  /** Publishes for {@code seconds}, then waits for deliveries to stop (at most 120 s). */
  Result run(int qos, int seconds) throws Exception {
    MqttQos q = qos == 0 ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE;
    String topic = "bench/bus/qos" + qos + "/" + System.nanoTime();
    AtomicLong delivered = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    AtomicLong lastDelivery = new AtomicLong();
    BitSet[] seen = new BitSet[subscribers];
    List<Mqtt3AsyncClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < subscribers; i++) {
        BitSet mine = seen[i] = new BitSet();
        Mqtt3AsyncClient c = client("sub" + i);
        clients.add(c);
        c.subscribeWith().topicFilter(topic).qos(q).callback(m -> {
          int seq = sequence(m.getPayloadAsBytes());
          synchronized (mine) {
            if (mine.get(seq)) {
              duplicates.incrementAndGet();
            } else {
              mine.set(seq);
            }
          }
          delivered.incrementAndGet();
          lastDelivery.set(System.nanoTime());
        }).send().get(30, TimeUnit.SECONDS);
      }
      Mqtt3AsyncClient pub = client("pub");
      clients.add(pub);
      long[] counts = publish(pub, topic, q, seconds);
      long start = counts[2];
      long expected = counts[0] * subscribers;
      waitForQuiet(delivered, expected);
      long distinct = 0;
      for (BitSet b : seen) {
        synchronized (b) {
          distinct += b.cardinality();
        }
      }
      double secs = (lastDelivery.get() - start) / 1e9;
      return new Result(qos, counts[0], counts[1], counts[3], delivered.get(), distinct,
          duplicates.get(), expected - distinct, secs);
    } finally {
      for (Mqtt3AsyncClient c : clients) {
        c.disconnect().handle((r, e) -> null).get(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Publishes for {@code seconds}, or until the broker stops acknowledging for 10 s; returns
   * {published, failed, startNanos, unacknowledged}.
   */
  private long[] publish(Mqtt3AsyncClient pub, String topic, MqttQos q, int seconds)
      throws InterruptedException {
    Semaphore window = new Semaphore(WINDOW);
    AtomicLong failed = new AtomicLong();
    byte[] template = new byte[payloadBytes];
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    int seq = 0;
    while (System.nanoTime() < end) {
      if (!window.tryAcquire(10, TimeUnit.SECONDS)) {
        break; // the broker stopped acknowledging: report what is missing
      }
      byte[] p = template.clone();
      p[0] = (byte) (seq >>> 24);
      p[1] = (byte) (seq >>> 16);
      p[2] = (byte) (seq >>> 8);
      p[3] = (byte) seq;
      seq++;
      pub.publishWith().topic(topic).qos(q).payload(p).send().whenComplete((r, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        }
        window.release();
      });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (window.availablePermits() < WINDOW && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return new long[] {seq, failed.get(), start, WINDOW - window.availablePermits()};
  }

  /** Waits until every expected message arrived or nothing arrived for a second. */
  private static void waitForQuiet(AtomicLong delivered, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    long previous = -1;
    while (delivered.get() < expected && delivered.get() != previous
        && System.nanoTime() < deadline) {
      previous = delivered.get();
      Thread.sleep(1000);
    }
  }

  private Mqtt3AsyncClient client(String role) throws Exception {
    Mqtt3AsyncClient c = MqttClient.builder().useMqttVersion3()
        .identifier("vivarium-bench-" + role + "-" + ProcessHandle.current().pid() + "-"
            + CLIENTS.incrementAndGet())
        .serverHost(url.host()).serverPort(url.port())
        .buildAsync();
    var connect = c.connectWith().cleanSession(true);
    if (login != null) {
      connect = connect.simpleAuth().username(login.user())
          .password(login.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
    }
    connect.send().get(30, TimeUnit.SECONDS);
    return c;
  }

  private static int sequence(byte[] b) {
    return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
  }
}
