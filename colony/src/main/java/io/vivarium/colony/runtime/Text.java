package io.vivarium.colony.runtime;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Small text helpers for events and results. Stateless and thread-safe. */
final class Text {
  private Text() {}

  /** {@code s} as a JSON string literal, quotes included ({@code null} as {@code ""}). */
  static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s == null ? "" : s)) + "\"";
  }

  /** {@code s} on one line, at most 500 characters. */
  static String oneLine(String s) {
    String t = s == null ? "(no message)" : s.replaceAll("\\s+", " ").trim();
    return t.length() > 500 ? t.substring(0, 500) + "\u2026" : t;
  }
}
