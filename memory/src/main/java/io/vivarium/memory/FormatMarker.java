package io.vivarium.memory;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Vivarium format marker kept in every commit's user data of a memory index: the format
 * name, its version and the vector dimension. Lucene's own files carry Lucene's codec headers;
 * this marker says the index is a Vivarium memory and which layout of fields it uses.
 */
final class FormatMarker {
  static final String FORMAT_KEY = "vivarium.format";
  static final String VERSION_KEY = "vivarium.formatVersion";
  static final String DIMENSION_KEY = "vivarium.dimension";
  static final String FORMAT = "vivarium-memory";
  /** Version 1: the fields of {@link Schema}, unit vectors under dot-product similarity. */
  static final int VERSION = 1;

  private FormatMarker() {}

  /** The user data every commit carries. */
  static Map<String, String> userData(int dimension) {
    return Map.of(FORMAT_KEY, FORMAT, VERSION_KEY, Integer.toString(VERSION),
        DIMENSION_KEY, Integer.toString(dimension));
  }

  /** Checks a commit's user data and returns the dimension it declares. */
  static int check(Path dir, Map<String, String> userData) {
    String format = userData.get(FORMAT_KEY);
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("memory directory " + dir + " holds a Lucene index that"
          + " is not a Vivarium memory (format marker " + (format == null ? "missing" : "'"
          + format + "'") + ", expected '" + FORMAT + "'); choose an empty or a memory directory");
    }
    String version = userData.get(VERSION_KEY);
    if (!Integer.toString(VERSION).equals(version)) {
      throw new IllegalArgumentException("memory directory " + dir + " has format " + FORMAT
          + " version " + version + ", which this Vivarium does not know (it reads version "
          + VERSION + "); open it with the Vivarium version that wrote it");
    }
    try {
      int d = Integer.parseInt(userData.getOrDefault(DIMENSION_KEY, ""));
      if (d < 1) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("memory directory " + dir + " has a damaged format"
          + " marker: dimension '" + userData.get(DIMENSION_KEY) + "' is not a positive integer;"
          + " restore it from a backup or start a new memory directory", e);
    }
  }
}
