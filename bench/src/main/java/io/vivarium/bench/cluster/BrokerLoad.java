package io.vivarium.bench.cluster;

import io.vivarium.bus.BrokerUrl;
import io.vivarium.bus.ByteCounts;
import io.vivarium.bus.MqttBus;
import io.vivarium.bus.Topics;
import io.vivarium.core.config.BusConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The agents' channel mix through a broker, as {@code BusLink} publishes it: per agent-turn one
 * {@code motor:to_world} message (64 action bytes), per agent and second one {@code touch:world}
 * summary (~700 bytes of JSON) and one {@code bytecounts} histogram (256 counts). {@code nodes}
 * publishing buses of {@value #AGENTS} agents each, as fast as their outboxes drain (never
 * dropping), and one subscribing bus (a zookeeper) on all three channels of every agent.
 * Not thread-safe: one run at a time.
 */
final class BrokerLoad {
  static final int AGENTS = 64;
  private static final byte[] TOUCH = ("{\"format\":\"vivarium.touch\",\"version\":1,\"text\":\""
      + "x".repeat(620) + "\"}").getBytes(StandardCharsets.UTF_8);

  /**
   * One run: messages handed to the broker, received by the subscriber's handlers, agent-turns,
   * dropped from full publishing outboxes, dropped in the subscriber's inboxes (its handlers behind), seconds.
   */
  record Result(int nodes, long published, long delivered, long turns, long dropped, long inboxDropped,
      double seconds) {}

  private final BrokerUrl url;
  private final BusConfig config;

  /** A load on {@code url}, logging in as {@code user}/{@code password} (anonymous when {@code user} is null). */
  BrokerLoad(BrokerUrl url, String user, String password) {
    this.url = url;
    BusConfig c = BusConfig.defaults();
    this.config = user == null ? c : c.withLogin(user, password);
  }

  /** Publishes from {@code nodes} buses for {@code seconds}, then waits (at most 30 s) for the subscriber. */
  Result run(int nodes, int seconds) throws Exception {
    String colony = "bench" + System.nanoTime() % 1_000_000;
    List<MqttBus> buses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try (MqttBus zoo = MqttBus.connect(url, colony, config, null)) {
      zoo.subscribe(Topics.MOTOR_TO_WORLD, "+", (agent, v) -> {});
      zoo.subscribe(Topics.TOUCH_WORLD, "+", (agent, v) -> {});
      zoo.subscribe(Topics.BYTE_COUNTS, "+", (agent, v) -> {});
      Thread.sleep(500); // the subscriptions reach the broker
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      List<Future<Long>> turns = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        MqttBus bus = MqttBus.connect(url, colony, config, null);
        buses.add(bus);
        int node = n;
        turns.add(pool.submit(() -> publish(bus, node, end)));
      }
      long total = 0;
      for (Future<Long> t : turns) {
        total += t.get();
      }
      long published = 0;
      long dropped = 0;
      for (MqttBus b : buses) {
        b.flush(30_000);
        published += b.stats().published();
        dropped += b.stats().droppedOutbox();
      }
      long delivered = quiet(zoo, published);
      return new Result(nodes, published, delivered, total, dropped, zoo.stats().droppedInbox(),
          (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
      buses.forEach(MqttBus::close);
    }
  }

  /** One node's agents' turns until {@code end}, pacing on the outbox; returns the agent-turns. */
  private long publish(MqttBus bus, int node, long end) throws InterruptedException {
    String[] agents = new String[AGENTS];
    long[] lastSecond = new long[AGENTS];
    for (int i = 0; i < AGENTS; i++) {
      agents[i] = String.format(Locale.ROOT, "a%02d%03d", node, i);
    }
    byte[] motor = new byte[64];
    long offered = 0;
    long turns = 0;
    while (System.nanoTime() < end) {
      int i = (int) (turns % AGENTS);
      bus.publish(Topics.MOTOR_TO_WORLD, agents[i], motor);
      offered++;
      long now = System.nanoTime();
      if (now - lastSecond[i] >= 1_000_000_000L) {
        lastSecond[i] = now;
        bus.publish(Topics.TOUCH_WORLD, agents[i], TOUCH);
        bus.publishByteCounts(agents[i], new ByteCounts(turns, new long[256]));
        offered += 2;
      }
      turns++;
      while (offered - bus.stats().published() > config.outbox() / 2 && System.nanoTime() < end) {
        Thread.sleep(1); // never let the outbox drop: measure what the broker takes
      }
    }
    return turns;
  }

  /** Waits until the subscriber got {@code expected} messages or nothing came for a second. */
  private static long quiet(MqttBus zoo, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long previous = -1;
    long now = zoo.stats().delivered();
    while (now < expected && now != previous && System.nanoTime() < deadline) {
      previous = now;
      Thread.sleep(1000);
      now = zoo.stats().delivered();
    }
    return now;
  }
}
