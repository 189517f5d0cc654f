package io.vivarium.worlds.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * The short answer form of the repair world: one replacement, written as {@code -} lines then
 * {@code +} lines — the {@code -} lines (prefix removed, joined by newlines) are the text OLD to
 * replace at the one place it occurs in the damaged passage, the {@code +} lines its replacement
 * NEW (one empty {@code +} line for a deletion). It is a diff hunk without a header or context
 * lines whose ends may fall inside lines, so a repair of a 200-character passage takes tens of
 * bytes instead of the whole passage. Stateless and thread-safe.
 */
public final class Edit {
  private Edit() {}

  /** Whether {@code answer} is written as an edit: {@code -} lines, then at least one {@code +} line, nothing else. */
  public static boolean looksLikeEdit(String answer) {
    if (!answer.startsWith("-")) {
      return false;
    }
    boolean plus = false;
    for (String line : answer.split("\n", -1)) {
      if (line.startsWith("+")) {
        plus = true;
      } else if (!line.startsWith("-") || plus) {
        return false;
      }
    }
    return plus;
  }

  /**
   * {@code text} with the edit {@code answer} applied; a {@link Diffs.Patched.Rejected} naming the
   * rule when it is not an edit, or its OLD text is empty, absent from {@code text}, or occurs more
   * than once.
   */
  public static Diffs.Patched apply(String answer, String text) {
    if (!looksLikeEdit(answer)) {
      return new Diffs.Patched.Rejected("an edit is - lines (the text to replace) then + lines (its replacement)");
    }
    List<String> old = new ArrayList<>();
    List<String> now = new ArrayList<>();
    for (String line : answer.split("\\n", -1)) {
      (line.startsWith("-") ? old : now).add(line.substring(1));
    }
    return replace(text, String.join("\n", old), String.join("\n", now));
  }

  private static Diffs.Patched replace(String text, String old, String now) {
    if (old.isEmpty()) {
      return new Diffs.Patched.Rejected("an edit's - lines must name text to replace; they are empty");
    }
    int at = text.indexOf(old);
    if (at < 0) {
      return new Diffs.Patched.Rejected("the edit's - text does not occur in the passage");
    }
    if (text.indexOf(old, at + 1) >= 0) {
      return new Diffs.Patched.Rejected("the edit's - text occurs more than once; include more of its neighbours");
    }
    return new Diffs.Patched.Applied(text.substring(0, at) + now + text.substring(at + old.length()));
  }

  /**
   * The shortest edit, on word boundaries, that turns {@code damaged} into {@code clean}: the
   * region between their common prefix and suffix, widened to whole words and then word by word
   * until it occurs once in {@code damaged}; empty when the two are equal.
   */
  public static String between(String damaged, String clean) {
    if (damaged.equals(clean)) {
      return "";
    }
    int p = 0;
    int max = Math.min(damaged.length(), clean.length());
    while (p < max && damaged.charAt(p) == clean.charAt(p)) {
      p++;
    }
    int s = 0;
    while (s < max - p && damaged.charAt(damaged.length() - 1 - s) == clean.charAt(clean.length() - 1 - s)) {
      s++;
    }
    int from = wordStart(damaged, p);
    int to = wordEnd(damaged, damaged.length() - s);
    while (from == to || !once(damaged, damaged.substring(from, to))) {
      if (from == 0 && to == damaged.length()) {
        break;
      }
      from = from > 0 ? wordStart(damaged, from - 1) : 0;
      to = to < damaged.length() ? wordEnd(damaged, to + 1) : to;
    }
    int keepTail = damaged.length() - to;
    return write(damaged.substring(from, to), clean.substring(from, clean.length() - keepTail));
  }

  /** The edit replacing {@code old} by {@code now}, every line of each marked. */
  public static String write(String old, String now) {
    return "-" + old.replace("\n", "\n-") + "\n+" + now.replace("\n", "\n+");
  }

  private static boolean once(String text, String part) {
    int at = text.indexOf(part);
    return at >= 0 && text.indexOf(part, at + 1) < 0;
  }

  /** The start of the word holding position {@code i} (words end at spaces and newlines). */
  private static int wordStart(String t, int i) {
    int j = Math.min(i, t.length());
    while (j > 0 && !Character.isWhitespace(t.charAt(j - 1))) {
      j--;
    }
    return j;
  }

  /** The end of the word holding the position before {@code i}. */
  private static int wordEnd(String t, int i) {
    int j = Math.max(i, 0);
    while (j < t.length() && !Character.isWhitespace(t.charAt(j))) {
      j++;
    }
    return j;
  }
}
