package io.vivarium.worlds.repair;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The line-edit formulation of repair for small learned models: a passage is repaired one line
 * at a time, and for each line the model sees a short window — the end of the line before, the
 * line, the start of the line after — and answers with at most one edit of that line: nothing
 * (the line is clean) or {@code OLD} {@link #SEP} {@code NEW}, where {@code OLD} is whole words
 * of the line that occur in it exactly once and {@code NEW} is what replaces them (it may
 * contain a newline, to re-split a line whose break was deleted). A deterministic harness
 * applies the answers and joins the lines.
 *
 * <p>Training examples come from (corrupted, clean) pairs whose damage lies inside one line;
 * nothing here reads more than the text it is given, so a solver built on it sees only the
 * corrupted passage.
 *
 * <p>Stateless and thread-safe.
 */
public final class LineEdits {
  /** Separates the old words from their replacement in an answer. */
  public static final char SEP = '\u001E';
  /** Separates the context from the line in a window, and ends the window. */
  static final char FIELD = '\u001C';
  static final char END = '\u001D';
  /** Characters of context taken from each neighbouring line. */
  public static final int CONTEXT = 16;

  /** One training example: the window of a line and the answer a perfect repairer gives. */
  public record Example(byte[] window, byte[] answer) {}

  private LineEdits() {}

  /** The lines of {@code text} (split at {@code \n}; a trailing newline gives an empty last line). */
  public static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      out.add(text.substring(start, i));
      start = i + 1;
    }
    out.add(text.substring(start));
    return out;
  }

  /** The window of line {@code i}: previous line's end, the line, next line's start. */
  public static byte[] window(List<String> lines, int i) {
    String prev = i > 0 ? tail(lines.get(i - 1)) : "";
    String next = i + 1 < lines.size() ? head(lines.get(i + 1)) : "";
    return (prev + FIELD + lines.get(i) + FIELD + next + END).getBytes(StandardCharsets.UTF_8);
  }

  private static String tail(String s) {
    return s.length() <= CONTEXT ? s : s.substring(SpanEdits.boundary(s, s.length() - CONTEXT));
  }

  private static String head(String s) {
    return s.length() <= CONTEXT ? s : s.substring(0, SpanEdits.boundary(s, CONTEXT));
  }

  /**
   * The training examples of one damaged passage, one per line of {@code corrupted}, or an empty
   * list when the damage spans more than one line (the formulation cannot express it).
   */
  public static List<Example> examples(String corrupted, String clean) {
    int nc = corrupted.length();
    int nk = clean.length();
    int p = 0;
    while (p < nc && p < nk && corrupted.charAt(p) == clean.charAt(p)) {
      p++;
    }
    int s = 0;
    while (s < nc - p && s < nk - p && corrupted.charAt(nc - 1 - s) == clean.charAt(nk - 1 - s)) {
      s++;
    }
    int q = nc - s; // the damage is corrupted[p, q), which was clean[p, nk - s)
    if (corrupted.substring(p, q).indexOf('\n') >= 0) {
      return List.of();
    }
    int lineStart = corrupted.lastIndexOf('\n', p - 1) + 1;
    int lineEnd = corrupted.indexOf('\n', q);
    lineEnd = lineEnd < 0 ? nc : lineEnd;
    String fixed = clean.substring(lineStart, lineEnd + nk - nc);
    List<String> lines = lines(corrupted);
    int damaged = lines(corrupted.substring(0, lineStart)).size() - 1;
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String answer = i == damaged ? answer(lines.get(i), fixed) : "";
      out.add(new Example(window(lines, i), answer.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** The answer that turns {@code line} into {@code fixed}: empty when equal, else OLD SEP NEW. */
  public static String answer(String line, String fixed) {
    if (line.equals(fixed)) {
      return "";
    }
    int n = line.length();
    int delta = fixed.length() - n;
    int a = 0;
    while (a < n && a < fixed.length() && line.charAt(a) == fixed.charAt(a)) {
      a++;
    }
    int b = n;
    while (b > a && b + delta > a && line.charAt(b - 1) == fixed.charAt(b - 1 + delta)) {
      b--;
    }
    a = wordStart(line, a);
    b = wordEnd(line, b);
    // Grow to whole neighbouring words until OLD is non-empty and occurs once in the line.
    while ((a == b || line.indexOf(line.substring(a, b), a + 1) >= 0
        || line.lastIndexOf(line.substring(a, b), a - 1) >= 0) && (a > 0 || b < n)) {
      if (b < n) {
        b = wordEnd(line, skipSpace(line, b));
      } else {
        a = wordStart(line, backSpace(line, a));
      }
    }
    return line.substring(a, b) + SEP + fixed.substring(a, b + delta);
  }

  private static int wordStart(String s, int i) {
    while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String s, int i) {
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int backSpace(String s, int i) {
    while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /**
   * {@code line} with {@code answer} applied: unchanged when the answer is empty, has no
   * {@link #SEP}, or names old words the line does not contain exactly once.
   */
  public static String apply(String line, String answer) {
    int sep = answer.indexOf(SEP);
    if (sep <= 0) {
      return line;
    }
    String old = answer.substring(0, sep);
    int at = line.indexOf(old);
    if (at < 0 || line.indexOf(old, at + 1) >= 0) {
      return line;
    }
    return line.substring(0, at) + answer.substring(sep + 1) + line.substring(at + old.length());
  }

  /** The passage made of {@code lines} with {@code answers.get(i)} applied to line {@code i}. */
  public static String assemble(List<String> lines, List<String> answers) {
    if (lines.size() != answers.size()) {
      throw new IllegalArgumentException(
          "one answer per line is needed; got " + lines.size() + " lines and " + answers.size()
              + " answers");
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        b.append('\n');
      }
      b.append(apply(lines.get(i), answers.get(i)));
    }
    return b.toString();
  }
}
