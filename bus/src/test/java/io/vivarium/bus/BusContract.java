package io.vivarium.bus;

import static io.vivarium.bus.TestBus.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Bus} keeps, run against each broker it can talk to by a subclass:
 * messages reach the subscribers of their topic and agent only, rewards and text round-trip
 * exactly, bad payloads are rejected with a clear error and never stop a subscriber, and
 * {@code close} is idempotent. Subscriptions are asynchronous, so tests publish until the first
 * message arrives. Not thread-safe; JUnit runs each test on a fresh instance.
 */
public abstract class BusContract {
  /** How long any one message may take; generous for a loaded machine, never a timing test. */
  protected static final Duration WAIT = Duration.ofSeconds(20);

  /** A bus of colony {@code lab} on the broker under test, closed by the test. */
  protected abstract Bus open();

  /** The login a plain client needs at the broker under test; null for none. */
  protected BusCredentials login() {
    return null;
  }

  /** Publishes raw bytes on {@code topic} at {@code bus}'s broker, bypassing every codec. */
  protected void publishRaw(Bus bus, String topic, byte[] payload) {
    TestBus.publishRaw(BrokerUrl.parse(bus.url()).port(), login(), topic, payload);
  }

  @Test
  void topicsFollowTheSchema() {
    try (Bus bus = open()) {
      TopicSchema s = bus.schema();
      assertThat(s.colony()).isEqualTo("lab");
      assertThat(s.topic(Topics.TEXT_TO_PARENT, "a1")).isEqualTo("vivarium/lab/agents/a1/text:to_parent");
      assertThat(s.topic(Topics.EVENTS, "")).isEqualTo("vivarium/lab/events");
      assertThat(s.topic(Topics.BYTE_COUNTS, "a1")).isEqualTo("vivarium/lab/bytecounts/a1");
      for (Topic<?> t : Topics.ALL) {
        String agent = t.scope().hasAgent() ? "a7" : "";
        assertThat(s.parse(s.topic(t, agent))).contains(new TopicSchema.Address(t, agent));
      }
      assertThatThrownBy(() -> bus.publishText("a/1", "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent id");
      assertThatThrownBy(() -> bus.publish(Topics.EVENTS, "a1", new Event(1, "birth", "a1", "{}")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colony-wide");
    }
  }

  @Test
  void messagesReachTheSubscribersOfTheirTopicAndAgentOnly() {
    try (Bus bus = open()) {
      assertThat(bus.connected()).isTrue();
      List<String> a1 = new CopyOnWriteArrayList<>();
      List<String> everyone = new CopyOnWriteArrayList<>();
      List<Event> events = new CopyOnWriteArrayList<>();
      List<ByteCounts> counts = new CopyOnWriteArrayList<>();
      bus.subscribe(Topics.TEXT_TO_PARENT, "a1", (a, t) -> a1.add(a + ":" + t));
      bus.subscribe(Topics.TEXT_TO_PARENT, TopicSchema.ANY_AGENT, (a, t) -> everyone.add(a + ":" + t));
      bus.subscribe(Topics.EVENTS, "", (a, e) -> events.add(e));
      bus.subscribe(Topics.BYTE_COUNTS, TopicSchema.ANY_AGENT, (a, c) -> counts.add(c));
      await(WAIT, "the first line at both subscriptions", () -> {
        bus.publishText("a1", "warm-up");
        return !a1.isEmpty() && !everyone.isEmpty();
      });
      bus.publishText("a2", "for a2");
      bus.publishText("a1", "for a1");
      await(WAIT, "both lines at the every-agent subscription",
          () -> everyone.contains("a2:for a2") && everyone.contains("a1:for a1"));
      await(WAIT, "a1's line at a1's subscription", () -> a1.contains("a1:for a1"));
      assertThat(a1).doesNotContain("a2:for a2");
      Event birth = new Event(42, "birth", "a1", "{\"parent\":\"\"}");
      ByteCounts c = ByteCounts.of(3, "abc".getBytes(StandardCharsets.US_ASCII));
      bus.publishEvent(birth);
      bus.publishByteCounts("a3", c);
      await(WAIT, "the event and the byte counts", () -> events.contains(birth) && counts.contains(c));
      assertThat(bus.stats().malformed()).isZero();
    }
  }

  @Test
  void rewardsAndTextRoundTripExactly() {
    List<Double> rewards = List.of(0.75, -1.0, 1e9, -1e9, 1e-300, 0.1 + 0.2);
    List<String> texts = List.of("find the gold", "", "ünïcødé ✓ 🌟", "x".repeat(Codecs.MAX_TEXT));
    try (Bus bus = open()) {
      List<Double> heardRewards = new CopyOnWriteArrayList<>();
      List<String> heardTexts = new CopyOnWriteArrayList<>();
      bus.onRewardFromParent("a1", (a, r) -> heardRewards.add(r));
      bus.onTextFromParent("a1", (a, t) -> heardTexts.add(t));
      await(WAIT, "the first reward and text", () -> {
        bus.publish(Topics.REWARD_FROM_PARENT, "a1", 0.0);
        bus.publish(Topics.TEXT_FROM_PARENT, "a1", "warm-up");
        return !heardRewards.isEmpty() && !heardTexts.isEmpty();
      });
      rewards.forEach(r -> bus.publish(Topics.REWARD_FROM_PARENT, "a1", r));
      texts.forEach(t -> bus.publish(Topics.TEXT_FROM_PARENT, "a1", t));
      await(WAIT, "every reward and text", () -> heardRewards.size() >= rewards.size()
          && heardRewards.getLast().equals(rewards.getLast())
          && heardTexts.size() >= texts.size() && heardTexts.getLast().equals(texts.getLast()));
      assertThat(heardRewards).filteredOn(r -> r != 0.0).containsExactlyElementsOf(rewards);
      assertThat(heardTexts).filteredOn(t -> !t.equals("warm-up")).containsExactlyElementsOf(texts);
    }
  }

  @Test
  void valuesACodecCannotCarryAreRefusedWithAClearError() {
    try (Bus bus = open()) {
      assertThatThrownBy(() -> bus.publish(Topics.REWARD_FROM_PARENT, "a1", Double.NaN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reward must be a finite number").hasMessageContaining("NaN");
      String tooLong = "x".repeat(Codecs.MAX_TEXT + 1);
      assertThatThrownBy(() -> bus.publishText("a1", tooLong))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at most " + Codecs.MAX_TEXT + " bytes");
      assertThatThrownBy(() -> bus.publish(Topics.VIDEO_FROM_WORLD, "a1", new byte[] {1, 2, 3}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void badPayloadsAreCountedAndNeverStopTheSubscriber() {
    try (Bus bus = open()) {
      String topic = bus.schema().topic(Topics.REWARD_FROM_PARENT, "a1");
      List<Double> heard = new CopyOnWriteArrayList<>();
      bus.onRewardFromParent("a1", (a, r) -> heard.add(r));
      await(WAIT, "a rejected reward", () -> {
        publishRaw(bus, topic, "a lot".getBytes(StandardCharsets.UTF_8));
        return bus.stats().malformed() > 0;
      });
      publishRaw(bus, topic, "NaN".getBytes(StandardCharsets.UTF_8));
      publishRaw(bus, topic, new byte[] {(byte) 0xFF, 0});
      publishRaw(bus, topic, "2".getBytes(StandardCharsets.UTF_8));
      await(WAIT, "the good reward after the bad ones", () -> heard.contains(2.0));
      await(WAIT, "every bad payload counted", () -> bus.stats().malformed() >= 3);
      assertThat(heard).containsOnly(2.0);
      assertThat(bus.stats().malformedByTopic()).containsKey(topic);
    }
  }

  @Test
  void aFailingHandlerIsCountedAndKeepsReceiving() {
    try (Bus bus = open()) {
      List<String> heard = new CopyOnWriteArrayList<>();
      bus.onTextFromParent("a1", (a, t) -> {
        heard.add(t);
        if (t.equals("boom")) {
          throw new IllegalStateException("a handler failing on purpose");
        }
      });
      await(WAIT, "the failing message", () -> {
        bus.publish(Topics.TEXT_FROM_PARENT, "a1", "boom");
        return heard.contains("boom");
      });
      bus.publish(Topics.TEXT_FROM_PARENT, "a1", "after");
      await(WAIT, "a message after the failure", () -> heard.contains("after"));
      assertThat(bus.stats().handlerErrors()).isPositive();
    }
  }

  @Test
  void closeIsIdempotent() {
    Bus bus = open();
    Bus.Subscription s = bus.onTextFromParent("a1", (a, t) -> { });
    s.close();
    s.close();
    bus.close();
    bus.close();
    await(WAIT, "the closed bus to report itself disconnected", () -> !bus.connected());
    assertThatThrownBy(() -> bus.onTextFromParent("a1", (a, t) -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
