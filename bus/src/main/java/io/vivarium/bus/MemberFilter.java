package io.vivarium.bus;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which agents' byte counts a colony takes from the bus: only its live agents, so that nobody
 * else who can publish on the broker steers the colony's entropy. Counts under any other name
 * are ignored and counted; the first ones of each name are logged at WARN (at most
 * {@value #LOGGED_NAMES} names, so a flood of made-up names cannot fill the memory).
 *
 * <p>Thread-safe, provided the colony's predicate is.
 */
public final class MemberFilter {
  /** How many distinct foreign names are logged; later ones are only counted. */
  static final int LOGGED_NAMES = 256;
  private static final Logger LOG = LoggerFactory.getLogger(MemberFilter.class);

  private final Predicate<String> members;
  private final String owner;
  private final AtomicLong ignored = new AtomicLong();
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  /**
   * A filter that admits the names {@code members} accepts.
   *
   * @param members whether a name is a live agent of the colony now (called on bus threads)
   * @param owner who filters, for the log line, e.g. {@code colony entropy}
   */
  public MemberFilter(Predicate<String> members, String owner) {
    this.members = Objects.requireNonNull(members, "members");
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** A filter that admits every name: a bystander's meter, which has no colony to ask. */
  public static MemberFilter everyone() {
    return new MemberFilter(agent -> true, "everyone");
  }

  /** Whether counts from {@code agent} count; when not, counts and (once per name) logs them. */
  public boolean admit(String agent) {
    if (members.test(agent)) {
      return true;
    }
    ignored.incrementAndGet();
    if (logged.size() < LOGGED_NAMES && logged.add(agent)) {
      LOG.warn("{}: ignored byte counts from '{}', which is not a live agent of this colony; counts under "
          + "other names never enter the colony's entropy (give the broker credentials to keep "
          + "strangers off the bus){}", owner, agent,
          logged.size() == LOGGED_NAMES ? "; further strange names are counted, not logged" : "");
    }
    return false;
  }

  /** How many count messages were ignored so far. */
  public long ignored() {
    return ignored.get();
  }
}
