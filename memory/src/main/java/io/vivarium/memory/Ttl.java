package io.vivarium.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Age limits per kind, parsed from {@code memory.ttl} ({@code output=7d,episode=30d}). Kinds
 * not named never expire. Immutable and thread-safe.
 */
final class Ttl {
  private static final java.util.regex.Pattern ITEM =
      java.util.regex.Pattern.compile("([a-z][a-z0-9_-]*)=([0-9]{1,9})([smhd])");

  private final Map<String, Long> millis;

  private Ttl(Map<String, Long> millis) {
    this.millis = Map.copyOf(millis);
  }

  /** Parses a spec; the empty string means nothing expires. */
  static Ttl parse(String spec) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (!spec.isBlank()) {
      for (String item : spec.split(",", -1)) {
        Matcher m = ITEM.matcher(item.trim());
        if (!m.matches()) {
          throw new IllegalArgumentException("memory.ttl must be comma-separated kind=age with"
              + " age a number and a unit s, m, h or d (e.g. output=7d,episode=30d); got '"
              + spec + "' (bad part '" + item + "')");
        }
        long unit = switch (m.group(3)) {
          case "s" -> 1000L;
          case "m" -> 60_000L;
          case "h" -> 3_600_000L;
          default -> 86_400_000L;
        };
        if (out.put(m.group(1), Long.parseLong(m.group(2)) * unit) != null) {
          throw new IllegalArgumentException("memory.ttl names kind '" + m.group(1)
              + "' twice; got '" + spec + "'; keep one age per kind");
        }
      }
    }
    return new Ttl(out);
  }

  /** Kind → age limit in milliseconds. */
  Map<String, Long> millis() {
    return millis;
  }

  boolean isEmpty() {
    return millis.isEmpty();
  }

  /** Whether an entry of {@code kind} written at {@code time} has expired at {@code now}. */
  boolean expired(String kind, long time, long now) {
    Long limit = millis.get(kind);
    return limit != null && time < now - limit;
  }
}
