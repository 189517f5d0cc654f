package io.vivarium.bus;

import io.vivarium.core.Event;

/**
 * The colony's message bus: agents publish their outputs, events and byte counts; people's
 * text and rewards arrive through subscriptions. Publishing never blocks and never throws
 * because the broker is slow or away: messages wait in a bounded outbox (oldest dropped and
 * counted when full) and the bus reconnects by itself. Handlers run on the bus's own threads,
 * one per subscription, so a slow handler delays only itself.
 *
 * <p>Implementations are thread-safe. {@link #close()} is idempotent.
 */
public interface Bus extends AutoCloseable {
  /** The topic tree this bus publishes in. */
  TopicSchema schema();

  /**
   * Publishes {@code value} on {@code topic} about {@code agent} ({@code ""} for colony-wide
   * topics). A value the topic's codec rejects is an IllegalArgumentException.
   */
  <T> void publish(Topic<T> topic, String agent, T value);

  /**
   * Calls {@code handler} with every valid message on {@code topic} about {@code agent}
   * ({@link TopicSchema#ANY_AGENT} for all agents, {@code ""} for colony-wide topics).
   * Malformed payloads are counted in {@link BusStats#malformed()} and logged once per topic.
   */
  <T> Subscription subscribe(Topic<T> topic, String agent, Handler<T> handler);

  /**
   * Whether a video frame of {@code agent} published now would pass the frame interval, so
   * that a publisher can skip drawing frames the bus would throttle anyway.
   */
  default boolean wantsFrame(String agent) {
    return true;
  }

  /** Whether the bus is connected to its broker right now. */
  boolean connected();

  /**
   * Waits up to {@code millis} until the broker has acknowledged every subscription made so far,
   * so that a message sent after this returns reaches its handler; false when some were not
   * acknowledged in time (not connected yet, or a slow broker). The default has nothing to wait for.
   */
  default boolean awaitSubscriptions(long millis) {
    return true;
  }

  /** Counters since the bus was opened. */
  BusStats stats();

  /** Where the broker is, e.g. {@code tcp://127.0.0.1:1883}. */
  String url();

  /** Disconnects, stops the bus's threads and any broker it started. */
  @Override
  void close();

  /** The agent's text output ({@code text:to_parent}). */
  default void publishText(String agent, String text) {
    publish(Topics.TEXT_TO_PARENT, agent, text);
  }

  /** A colony event ({@code events}). */
  default void publishEvent(Event event) {
    publish(Topics.EVENTS, "", event);
  }

  /** The agent's byte counts ({@code bytecounts/{agent}}). */
  default void publishByteCounts(String agent, ByteCounts counts) {
    publish(Topics.BYTE_COUNTS, agent, counts);
  }

  /** Text people send to {@code agent} ({@code text:from_parent}). */
  default Subscription onTextFromParent(String agent, Handler<String> handler) {
    return subscribe(Topics.TEXT_FROM_PARENT, agent, handler);
  }

  /** Rewards people give {@code agent} ({@code reward:from_parent}). */
  default Subscription onRewardFromParent(String agent, Handler<Double> handler) {
    return subscribe(Topics.REWARD_FROM_PARENT, agent, handler);
  }

  /**
   * Receives one kind of message.
   *
   * @param <T> the payload type
   */
  @FunctionalInterface
  interface Handler<T> {
    /**
     * One message about {@code agent} ({@code ""} for colony topics). Exceptions are counted
     * and logged once per topic; they never reach the bus.
     */
    void accept(String agent, T value);
  }

  /** A live subscription; closing it stops the handler. Idempotent. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
