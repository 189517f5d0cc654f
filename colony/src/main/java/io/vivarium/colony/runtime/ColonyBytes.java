package io.vivarium.colony.runtime;

import io.vivarium.bus.Bus;
import io.vivarium.bus.ByteCounts;
import io.vivarium.bus.MemberFilter;
import io.vivarium.bus.TopicSchema;
import io.vivarium.bus.Topics;
import io.vivarium.core.world.ColonyCounts;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

/**
 * The colony's byte counts for the exec reward {@code global-entropy}: the bytes this process's
 * agents emitted ({@link #add}) plus the counts the colony's agents in other processes publish on
 * {@code bytecounts/{agent}}. A remote agent's messages each carry one interval, so they are
 * summed (a message whose step is not past the agent's previous one is a duplicate and skipped),
 * which makes remote counts lifetime counts like the local ones. Counts naming an agent of this
 * process are its own echo and skipped (never counted twice); counts from a name that is not a
 * live agent of the colony are ignored and counted ({@link #ignoredCounts()}). Without a bus the
 * colony uses {@link ColonyCounts#local()} instead.
 *
 * <p>Thread-safe: worlds add from any thread, the bus delivers on its own.
 */
final class ColonyBytes implements ColonyCounts, AutoCloseable {
  private final AtomicLongArray local = new AtomicLongArray(256);
  private final Map<String, Remote> remote = new ConcurrentHashMap<>();
  private final Predicate<String> ours;
  private final MemberFilter members;
  private final Bus.Subscription subscription;

  /** An agent of another process: its last step and its summed counts.  // counts: (256) */
  private record Remote(long step, long[] counts) {}

  /**
   * Counts for a colony on {@code bus}.
   *
   * @param ours whether an agent lives in this process (its bytes come through {@link #add})
   * @param members which names are live agents of the colony, in any process
   */
  ColonyBytes(Bus bus, Predicate<String> ours, MemberFilter members) {
    this.ours = Objects.requireNonNull(ours, "ours");
    this.members = Objects.requireNonNull(members, "members");
    this.subscription = bus.subscribe(Topics.BYTE_COUNTS, TopicSchema.ANY_AGENT, this::take);
  }

  @Override
  public void add(byte[] bytes) {
    for (byte b : bytes) {
      local.incrementAndGet(b & 0xFF);
    }
  }

  @Override
  public long[] snapshot() {
    long[] sum = new long[256];
    for (int b = 0; b < 256; b++) {
      sum[b] = local.get(b);
    }
    for (Remote r : remote.values()) {
      for (int b = 0; b < 256; b++) {
        sum[b] += r.counts()[b];
      }
    }
    return sum;
  }

  /** How many count messages came from names that are not live agents of the colony. */
  long ignoredCounts() {
    return members.ignored();
  }

  /** One {@code bytecounts} message. */
  void take(String agent, ByteCounts c) {
    if (ours.test(agent) || !members.admit(agent)) {
      return;
    }
    remote.compute(agent, (k, old) -> {
      if (old == null) {
        return new Remote(c.step(), c.counts().clone());
      }
      if (c.step() <= old.step()) {
        return old;
      }
      long[] sum = old.counts().clone();
      for (int b = 0; b < 256; b++) {
        sum[b] += c.count(b);
      }
      return new Remote(c.step(), sum);
    });
  }

  @Override
  public void close() {
    subscription.close();
  }
}
