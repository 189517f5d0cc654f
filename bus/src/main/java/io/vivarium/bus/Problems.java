package io.vivarium.bus;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts rejected payloads and failing handlers per topic and logs only the first of each
 * kind per topic, so that a flood of bad input costs a counter increment, not a log line.
 *
 * <p>Thread-safe.
 */
final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private final Map<String, LongAdder> malformed = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> handlerErrors = new ConcurrentHashMap<>();

  /** A payload on {@code topic} was rejected because of {@code reason}. */
  void malformed(String topic, String reason) {
    if (count(malformed, topic)) {
      LOG.warn("bus: malformed payload on {} ignored: {} (further ones on this topic are only"
          + " counted)", topic, reason);
    }
  }

  /** A handler for {@code topic} threw {@code error}. */
  void handlerError(String topic, RuntimeException error) {
    if (count(handlerErrors, topic)) {
      LOG.warn("bus: a handler for {} failed (further failures on this topic are only counted)",
          topic, error);
    }
  }

  long malformedTotal() {
    return sum(malformed);
  }

  long handlerErrorsTotal() {
    return sum(handlerErrors);
  }

  Map<String, Long> malformedByTopic() {
    Map<String, Long> out = new TreeMap<>();
    malformed.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Counts one; true if it is the first for {@code topic}. */
  private static boolean count(Map<String, LongAdder> counts, String topic) {
    boolean[] first = {false};
    counts.computeIfAbsent(topic, t -> {
      first[0] = true;
      return new LongAdder();
    }).increment();
    return first[0];
  }

  private static long sum(Map<String, LongAdder> counts) {
    long s = 0;
    for (LongAdder a : counts.values()) {
      s += a.sum();
    }
    return s;
  }
}
