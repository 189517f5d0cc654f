package io.vivarium.brain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a brain was trained for, kept in its brain file: the world, its preset and the
 * observation encoding's descriptor (how observations became the brain's prefix). A brain
 * shown another encoding sees noise, so evaluation compares descriptors. Immutable and thread-safe.
 *
 * @param world the world's name, e.g. {@code gold}
 * @param preset the world's preset, e.g. {@code gold-bare-5x5+ego9}
 * @param encoding the encoding's descriptor, e.g. {@code video:81 text:47 reward actions:4 prefix:138}
 */
public record TrainedFor(String world, String preset, String encoding) {
  public TrainedFor {
    check("world", world);
    check("preset", preset);
    check("encoding", encoding);
  }

  private static void check(String field, String value) {
    if (value == null || value.isBlank() || value.contains("\n")) {
      throw new IllegalArgumentException("a brain's trained-for " + field
          + " must be one non-blank line; got " + (value == null ? "null" : "'" + value + "'"));
    }
  }

  /** The brain file's form: {@code key=value} lines. */
  public String describe() {
    return "world=" + world + "\npreset=" + preset + "\nencoding=" + encoding + "\n";
  }

  /** Parses {@link #describe()}'s form; {@code source} names the text in errors. Unknown keys are skipped. */
  public static TrainedFor parse(String text, String source) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        v.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    for (String key : new String[] {"world", "preset", "encoding"}) {
      if (!v.containsKey(key)) {
        throw new IllegalArgumentException(source + ": the trained-for section lacks " + key);
      }
    }
    return new TrainedFor(v.get("world"), v.get("preset"), v.get("encoding"));
  }

  /** For people: {@code gold gold-bare-5x5+ego9 (video:81 …)}. */
  @Override
  public String toString() {
    return world + " " + preset + " (" + encoding + ")";
  }
}
