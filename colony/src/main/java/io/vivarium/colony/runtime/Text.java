package io.vivarium.colony.runtime;


/** Error text for events and results, on one line. Stateless and thread-safe. */
final class Text {
  private Text() {}

  /** {@code s} on one line, at most 500 characters. */
  static String oneLine(String s) {
    String t = s == null ? "(no message)" : s.replaceAll("\\s+", " ").trim();
    return t.length() > 500 ? t.substring(0, 500) + "\u2026" : t;
  }
}
