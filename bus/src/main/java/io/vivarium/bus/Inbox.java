package io.vivarium.bus;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * One subscription's bounded queue and its own thread: messages are decoded and handed to the
 * handler there, never on the MQTT client's thread, so a slow handler delays only itself.
 * When the queue is full the oldest message is dropped and counted.
 *
 * <p>Thread-safe.
 *
 * @param <T> the payload type
 */
final class Inbox<T> implements Bus.Subscription {
  private record Raw(String topic, String agent, byte[] payload) {}

  final Topic<T> topic;
  final String agent;
  final String filter;
  private final Bus.Handler<T> handler;
  private final Problems problems;
  private final Runnable onClose;
  private final LinkedBlockingDeque<Raw> queue;
  private final Thread worker;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private volatile boolean closed;

  Inbox(Topic<T> topic, String agent, String filter, Bus.Handler<T> handler, int capacity,
      Problems problems, Runnable onClose) {
    this.topic = topic;
    this.agent = agent;
    this.filter = filter;
    this.handler = handler;
    this.queue = new LinkedBlockingDeque<>(capacity);
    this.problems = problems;
    this.onClose = onClose;
    this.worker = Thread.ofVirtual().name("vivarium-bus-" + topic.name()).unstarted(this::run);
    worker.start();
  }

  /**
   * Whether a message about {@code messageAgent} on {@code kind} is for this subscription: the same
   * channel by name (a subscription may read a channel with another codec, e.g. people's text as
   * raw bytes) and the agent subscribed to or any.
   */
  boolean accepts(Topic<?> kind, String messageAgent) {
    return kind.name().equals(topic.name()) && (agent.equals(TopicSchema.ANY_AGENT) || agent.equals(messageAgent));
  }

  /** Queues a raw message; drops the oldest when full. Never blocks. */
  void offer(String mqttTopic, String messageAgent, byte[] payload) {
    if (closed) {
      return;
    }
    Raw raw = new Raw(mqttTopic, messageAgent, payload);
    while (!queue.offerLast(raw)) {
      if (queue.pollFirst() != null) {
        dropped.increment();
      }
    }
  }

  long dropped() {
    return dropped.sum();
  }

  long delivered() {
    return delivered.sum();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    worker.interrupt();
    queue.clear();
    onClose.run();
  }

  private void run() {
    try {
      while (!closed) {
        Raw r = queue.take();
        T value;
        try {
          value = topic.codec().decode(r.payload());
        } catch (RuntimeException e) {
          problems.malformed(r.topic(), e.getMessage());
          continue;
        }
        try {
          handler.accept(r.agent(), value);
          delivered.increment();
        } catch (RuntimeException e) {
          problems.handlerError(r.topic(), e);
        }
      }
    } catch (InterruptedException e) {
      // closing
    }
  }
}
