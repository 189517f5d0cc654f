package io.vivarium.colony.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The colony's world metrics at a glance, as {@code vivarium status} and the run's status line
 * show them: for every metric a world records per agent under {@value #PREFIX} (exec:
 * {@code world.evenness}, {@code world.distinct_calls}, {@code world.byte_entropy}), the mean
 * over alive agents of each one's newest value. Stateless; thread-safe.
 */
public final class WorldMeans {
  /** The name prefix of per-agent world metrics. */
  public static final String PREFIX = "world.";

  private WorldMeans() {}

  /** Short name (without the prefix) to mean, in the order first recorded; empty when there are none. */
  public static Map<String, Double> of(Registry r) {
    Map<String, Double> out = new LinkedHashMap<>();
    r.metrics().meanOfLatestOfAlive(PREFIX).forEach((name, mean) -> out.put(name.substring(PREFIX.length()), mean));
    return out;
  }

  /** {@code evenness 0.12 · distinct_calls 0.80}, or {@code ""} when {@code means} is empty. */
  public static String text(Map<String, Double> means) {
    StringJoiner j = new StringJoiner(" · ");
    means.forEach((name, mean) -> j.add(String.format(Locale.ROOT, "%s %.2f", name, mean)));
    return j.toString();
  }
}
