package io.vivarium.bus;

import static io.vivarium.bus.TestBus.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bus against its embedded broker on a free loopback port. */
class MqttBusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** The data directory the embedded broker's credentials live in. */
  @TempDir Path dir;

  @Test
  void agentsTalkThroughTheEmbeddedBroker() {
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir);
        MqttBus people = MqttBus.connect(BrokerUrl.parse(bus.url()), "lab", TestBus.loggedIn("", dir),
            null);
        StandInAgent agent = new StandInAgent(bus, "a1")) {
      assertThat(bus.connected()).isTrue();
      List<String> said = new CopyOnWriteArrayList<>();
      List<Event> events = new CopyOnWriteArrayList<>();
      people.subscribe(Topics.TEXT_TO_PARENT, "+", (a, t) -> said.add(a + ": " + t));
      people.subscribe(Topics.EVENTS, "", (a, e) -> events.add(e));
      // subscriptions are asynchronous: step until the first line arrives
      await(WAIT, "the agent's text at the other client", () -> {
        agent.step();
        return !said.isEmpty();
      });
      assertThat(said.getFirst()).startsWith("a1: a1 step ");
      Event birth = new Event(42, "birth", "a1", "{\"parent\":\"\"}");
      bus.publishEvent(birth);
      await(WAIT, "the event", () -> events.contains(birth));

      people.publish(Topics.REWARD_FROM_PARENT, "a1", 0.75);
      people.publish(Topics.TEXT_FROM_PARENT, "a1", "find the gold");
      people.publish(Topics.REWARD_FROM_PARENT, "a2", 100.0); // someone else's
      await(WAIT, "reward and text at the agent",
          () -> agent.reward.get() == 0.75 && agent.heard.get().equals("find the gold"));
      assertThat(bus.stats().malformed()).isZero();
    }
  }

  @Test
  void aMessageSentOnceSubscriptionsAreAcknowledgedIsHeard() {
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir)) {
      List<Double> rewards = new CopyOnWriteArrayList<>();
      bus.onRewardFromParent("a1", (a, r) -> rewards.add(r));
      assertThat(bus.awaitSubscriptions(10_000)).isTrue();
      // one message, sent once, by another client: no retry, so it is heard only if the broker
      // already knew the subscription
      TestBus.publishRaw(BrokerUrl.parse(bus.url()).port(), BusCredentials.read(dir),
          bus.schema().topic(Topics.REWARD_FROM_PARENT, "a1"), "0.5".getBytes(StandardCharsets.UTF_8));
      await(WAIT, "the reward", () -> !rewards.isEmpty());
      assertThat(rewards).containsExactly(0.5);
    }
  }

  @Test
  void malformedPayloadsAreCountedPerTopicAndNeverStopTheBus() {
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir);
        StandInAgent agent = new StandInAgent(bus, "a1")) {
      int port = BrokerUrl.parse(bus.url()).port();
      BusCredentials login = BusCredentials.read(dir);
      String rewardTopic = bus.schema().topic(Topics.REWARD_FROM_PARENT, "a1");
      AtomicInteger counts = new AtomicInteger();
      bus.subscribe(Topics.BYTE_COUNTS, "+", (a, c) -> counts.incrementAndGet());
      await(WAIT, "a rejected reward", () -> {
        TestBus.publishRaw(port, login, rewardTopic, "a lot".getBytes(StandardCharsets.UTF_8));
        return bus.stats().malformed() > 0;
      });
      for (int i = 0; i < 20; i++) {
        TestBus.publishRaw(port, login, rewardTopic, new byte[] {(byte) 0xFF, 0});
        TestBus.publishRaw(port, login, bus.schema().topic(Topics.BYTE_COUNTS, "a9"), new byte[] {1});
      }
      TestBus.publishRaw(port, login, rewardTopic, "2".getBytes(StandardCharsets.UTF_8));
      await(WAIT, "the good reward after the bad ones", () -> agent.reward.get() == 2.0);
      await(WAIT, "all bad payloads counted", () -> bus.stats().malformed() >= 41);
      assertThat(bus.stats().malformedByTopic()).containsKeys(rewardTopic,
          bus.schema().topic(Topics.BYTE_COUNTS, "a9"));
      assertThat(counts.get()).isZero();
    }
  }

  @Test
  void aStuckSubscriberNeverBlocksPublishersAndDropsOldest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (MqttBus bus = MqttBus.open(TestBus.config("", 16, 0), "lab")) {
      AtomicInteger fast = new AtomicInteger();
      List<String> fastLines = new CopyOnWriteArrayList<>();
      AtomicInteger slow = new AtomicInteger();
      bus.subscribe(Topics.TEXT_TO_PARENT, "+", (a, t) -> {
        slow.incrementAndGet();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      bus.subscribe(Topics.TEXT_TO_PARENT, "+", (a, t) -> {
        fast.incrementAndGet();
        fastLines.add(t);
      });
      await(WAIT, "subscriptions active", () -> {
        bus.publishText("a1", "warm-up");
        return fast.get() > 0;
      });
      for (int i = 0; i < 2000; i++) {
        bus.publishText("a1", "line " + i);
      }
      // the fast handler keeps up (its own small inbox may drop a few under a burst)
      await(WAIT, "the fast subscriber gets the newest line", () -> fastLines.contains("line 1999"));
      assertThat(slow.get()).isEqualTo(1);
      await(WAIT, "the stuck subscriber's overflow counted", () -> bus.stats().droppedInbox() > 0);
      release.countDown();
    }
  }

  @Test
  void videoIsThrottledPerAgentAndMustBePng() {
    try (MqttBus bus = MqttBus.open(TestBus.config("", 16, 60_000), "lab")) {
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
      List<String> frames = new CopyOnWriteArrayList<>();
      bus.subscribe(Topics.VIDEO_FROM_WORLD, "+", (a, f) -> frames.add(a));
      await(WAIT, "a frame", () -> {
        bus.publish(Topics.VIDEO_FROM_WORLD, "v" + frames.size() + "-" + System.nanoTime(), png);
        return !frames.isEmpty();
      });
      long before = bus.stats().throttled();
      bus.publish(Topics.VIDEO_FROM_WORLD, "a1", png);
      bus.publish(Topics.VIDEO_FROM_WORLD, "a1", png);
      bus.publish(Topics.VIDEO_FROM_WORLD, "a1", png);
      assertThat(bus.stats().throttled() - before).isEqualTo(2);
      assertThatThrownBy(() -> bus.publish(Topics.VIDEO_FROM_WORLD, "a1", new byte[] {1, 2}))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PNG");
    }
  }

  @Test
  void entropyIsComputedFromEveryonesCounts() {
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab");
        EntropyMeter meter = new EntropyMeter(bus, 0)) {
      List<ColonyEntropy> published = new CopyOnWriteArrayList<>();
      bus.subscribe(Topics.ENTROPY, "", (a, e) -> published.add(e));
      long[] quote = new long[256];
      quote['"'] = 50;
      long[] newline = new long[256];
      newline['\n'] = 50;
      await(WAIT, "entropy over two agents", () -> {
        bus.publishByteCounts("a1", new ByteCounts(1, quote));
        bus.publishByteCounts("a2", new ByteCounts(1, newline));
        return published.stream().anyMatch(e -> e.agents() == 2);
      });
      ColonyEntropy e = published.stream().filter(x -> x.agents() == 2).findFirst().orElseThrow();
      assertThat(e.bits()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(e.bytes()).isEqualTo(100);
    }
  }

  @Test
  void aColonysMeterIgnoresCountsFromNamesThatAreNotItsAgents() {
    Set<String> live = Set.of("a1", "a2");
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir);
        MqttBus stranger = MqttBus.connect(BrokerUrl.parse(bus.url()), "lab", TestBus.loggedIn("", dir), null);
        EntropyMeter meter = new EntropyMeter(bus, 0, new MemberFilter(live::contains, "test colony"))) {
      long[] quote = new long[256];
      quote['"'] = 50;
      long[] newline = new long[256];
      newline['\n'] = 50;
      await(WAIT, "entropy over the two agents", () -> {
        bus.publishByteCounts("a1", new ByteCounts(1, quote));
        bus.publishByteCounts("a2", new ByteCounts(1, newline));
        return meter.current().agents() == 2;
      });
      ColonyEntropy before = meter.current();
      long[] flat = new long[256];
      java.util.Arrays.fill(flat, 1000);
      stranger.publishByteCounts("zz01", new ByteCounts(1, flat)); // 8 bits, if it were taken
      await(WAIT, "the stranger's counts at the meter", () -> meter.ignoredCounts() == 1);
      assertThat(meter.current().bits()).isEqualTo(before.bits()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(meter.current().agents()).isEqualTo(2);
      assertThat(meter.current().bytes()).isEqualTo(100);
      assertThat(MemberFilter.everyone().admit("zz01")).isTrue();
    }
  }

  @Test
  void closeIsIdempotentAndStopsTheBroker() {
    MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir);
    int port = BrokerUrl.parse(bus.url()).port();
    bus.close();
    bus.close();
    assertThatThrownBy(() -> bus.subscribe(Topics.EVENTS, "", (a, e) -> { }))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TestBus.publishRaw(port, BusCredentials.read(dir), "x", new byte[0]))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void aTakenPortIsAnErrorThatNamesIt() {
    try (EmbeddedBroker first = EmbeddedBroker.start(0, 1024, BusCredentials.random())) {
      assertThatThrownBy(() -> EmbeddedBroker.start(first.port(), 1024, BusCredentials.random()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(Integer.toString(first.port()));
    }
  }

  @Test
  void aClosedSubscriptionHearsNoMore() {
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab")) {
      List<String> heard = new CopyOnWriteArrayList<>();
      Bus.Subscription s = bus.subscribe(Topics.TEXT_TO_PARENT, "a1", (a, t) -> heard.add(t));
      await(WAIT, "the first line", () -> {
        bus.publishText("a1", "one");
        return !heard.isEmpty();
      });
      s.close();
      s.close();
      List<String> after = new CopyOnWriteArrayList<>();
      bus.subscribe(Topics.TEXT_TO_PARENT, "a1", (a, t) -> after.add(t));
      await(WAIT, "a later line at a new subscription", () -> {
        bus.publishText("a1", "two");
        return after.contains("two");
      });
      assertThat(heard).doesNotContain("two");
    }
  }

  @Test
  void badConfigurationIsExplained() {
    assertThatThrownBy(() -> MqttBus.open(TestBus.config("mqtt://x:1"), "lab"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://HOST:PORT");
    assertThatThrownBy(() -> EmbeddedBroker.start(-1, 10, BusCredentials.random()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }
}
