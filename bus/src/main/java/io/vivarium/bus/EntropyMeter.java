package io.vivarium.bus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes the colony-wide byte entropy from the byte counts on the bus and publishes it on
 * {@code entropy}, at most once per interval; each agent's latest counts replace its earlier
 * ones. A colony's meter takes counts only from its live agents ({@link MemberFilter}): counts
 * under other names are ignored and counted ({@link #ignoredCounts()}). A bystander's meter
 * ({@link #EntropyMeter(Bus, long)}) takes everyone's.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class EntropyMeter implements AutoCloseable {
  private final Bus bus;
  private final long intervalMillis;
  private final Map<String, ByteCounts> latest = new ConcurrentHashMap<>();
  private final MemberFilter members;
  private final Bus.Subscription subscription;
  private long lastPublished = Long.MIN_VALUE / 2;
  private volatile ColonyEntropy current = new ColonyEntropy(0, 0, 0, 0);

  /**
   * Starts listening on {@code bus}.
   *
   * @param intervalMillis least milliseconds between two publications, at least 0
   */
  public EntropyMeter(Bus bus, long intervalMillis) {
    this(bus, intervalMillis, MemberFilter.everyone());
  }

  /**
   * Starts listening on {@code bus}, taking counts only from the agents {@code members} admits.
   *
   * @param intervalMillis least milliseconds between two publications, at least 0
   */
  public EntropyMeter(Bus bus, long intervalMillis, MemberFilter members) {
    this.members = Objects.requireNonNull(members, "members");
    if (intervalMillis < 0) {
      throw new IllegalArgumentException(
          "entropy interval must be >= 0 milliseconds; got " + intervalMillis);
    }
    this.bus = bus;
    this.intervalMillis = intervalMillis;
    this.subscription = bus.subscribe(Topics.BYTE_COUNTS, TopicSchema.ANY_AGENT, this::update);
  }

  /**
   * Takes {@code counts} as {@code agent}'s latest and republishes if the interval passed;
   * counts from an agent the filter does not admit are ignored and counted.
   */
  public void update(String agent, ByteCounts counts) {
    if (!members.admit(agent)) {
      return;
    }
    latest.put(agent, counts);
    long now = System.currentTimeMillis();
    ColonyEntropy e = ColonyEntropy.of(now, List.copyOf(latest.values()));
    current = e;
    synchronized (this) {
      if (now - lastPublished < intervalMillis) {
        return;
      }
      lastPublished = now;
    }
    bus.publish(Topics.ENTROPY, "", e);
  }

  /** Forgets a dead agent's counts (its late messages are then ignored, if the filter no longer admits it). */
  public void forget(String agent) {
    latest.remove(agent);
  }

  /** How many count messages came from names that are not live agents of the colony. */
  public long ignoredCounts() {
    return members.ignored();
  }

  /** The entropy as of the latest counts. */
  public ColonyEntropy current() {
    return current;
  }

  @Override
  public void close() {
    subscription.close();
  }
}
