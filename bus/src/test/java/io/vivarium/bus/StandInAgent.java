package io.vivarium.bus;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small stand-in for a colony agent, for tests until the colony exists: each step it
 * publishes a line of text and its byte counts, and it records the rewards and text people
 * send it through the bus.
 */
final class StandInAgent implements AutoCloseable {
  final String id;
  private final Bus bus;
  private final Bus.Subscription rewards;
  private final Bus.Subscription texts;
  private final long[] counts = new long[256];
  final AtomicLong steps = new AtomicLong();
  final AtomicReference<Double> reward = new AtomicReference<>(0.0);
  final AtomicReference<String> heard = new AtomicReference<>("");

  StandInAgent(Bus bus, String id) {
    this.bus = bus;
    this.id = id;
    this.rewards = bus.onRewardFromParent(id, (agent, r) -> reward.accumulateAndGet(r, Double::sum));
    this.texts = bus.onTextFromParent(id, (agent, t) -> heard.set(t));
  }

  /** One step: emit a line of text and publish the byte counts so far. */
  void step() {
    long n = steps.incrementAndGet();
    String line = id + " step " + n;
    for (byte b : line.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      counts[b & 0xFF]++;
    }
    bus.publishText(id, line);
    bus.publishByteCounts(id, new ByteCounts(n, counts));
  }

  @Override
  public void close() {
    rewards.close();
    texts.close();
  }
}
