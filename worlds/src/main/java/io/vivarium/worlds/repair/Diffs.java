package io.vivarium.worlds.repair;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Unified diffs between passages, made and applied with java-diff-utils.
 *
 * <p>A passage is split into lines at every {@code \n} (a final newline gives a last, empty
 * line), so that joining the lines with {@code \n} gives the passage back exactly and no
 * "no newline at end of file" marker is ever needed. Diffs are read strictly: hunks are
 * delimited by their line counts (so a removed line that starts with {@code --} is not a
 * header), contexts must match exactly, and anything malformed is {@linkplain Patched.Rejected
 * rejected} with a reason rather than thrown.
 *
 * <p>Stateless and thread-safe.
 */
public final class Diffs {
  private static final java.util.regex.Pattern HUNK =
      java.util.regex.Pattern.compile("^@@ -(\\d{1,9})(?:,(\\d{1,9}))? \\+(\\d{1,9})(?:,(\\d{1,9}))? @@.*$");

  private Diffs() {}

  /** The outcome of applying a diff: the patched text, or why it did not apply. */
  public sealed interface Patched {
    /** The diff applied; {@code text} is the result. */
    record Applied(String text) implements Patched {}

    /** The diff did not apply; {@code reason} says why, for logs and displays. */
    record Rejected(String reason) implements Patched {}
  }

  /** The lines of {@code text}: split at every {@code \n}, keeping a final empty line. */
  public static List<String> lines(String text) {
    return Arrays.asList(text.split("\n", -1));
  }

  /** The unified diff turning {@code from} into {@code to}, with three lines of context. */
  public static String unified(String from, String to) {
    List<String> a = lines(from);
    Patch<String> patch = DiffUtils.diff(a, lines(to));
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    List<String> out = UnifiedDiffUtils.generateUnifiedDiff("", "", a, patch, 3);
    return String.join("\n", out) + "\n";
  }

  /**
   * Whether {@code answer} should be read as a unified diff rather than as repaired text: it
   * starts with a {@code --- } line followed by a {@code +++ } line, or with a hunk header.
   */
  public static boolean looksLikeDiff(String answer) {
    if (answer.startsWith("@@ -")) {
      return true;
    }
    int nl = answer.indexOf('\n');
    return answer.startsWith("--- ") && nl > 0 && answer.startsWith("+++ ", nl + 1);
  }

  /** Applies the unified diff {@code diff} to {@code text}. */
  public static Patched apply(String diff, String text) {
    List<String> lines = lines(diff);
    int i = 0;
    if (i < lines.size() && lines.get(i).startsWith("--- ")) {
      i++;
      if (i >= lines.size() || !lines.get(i).startsWith("+++ ")) {
        return new Patched.Rejected("a '--- ' header must be followed by a '+++ ' header");
      }
      i++;
    }
    Patch<String> patch = new Patch<>();
    int lastEnd = 0;
    while (i < lines.size()) {
      String header = lines.get(i);
      if (header.isEmpty() && i == lines.size() - 1) {
        break; // the diff's own final newline
      }
      Matcher m = HUNK.matcher(header);
      if (!m.matches()) {
        return new Patched.Rejected("line " + (i + 1) + " should be a hunk header '@@ -a,b +c,d @@'; got '"
            + abbreviate(header) + "'");
      }
      int oldStart = Integer.parseInt(m.group(1));
      int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      List<String> source = new ArrayList<>();
      List<String> target = new ArrayList<>();
      i = readHunk(lines, i + 1, oldCount, newCount, source, target);
      if (i < 0) {
        return new Patched.Rejected("hunk '" + header + "' is shorter or longer than its line counts");
      }
      int position = oldCount == 0 ? oldStart : oldStart - 1;
      if (position < lastEnd) {
        return new Patched.Rejected("hunk '" + header + "' overlaps or precedes the previous hunk");
      }
      lastEnd = position + oldCount;
      patch.addDelta(new ChangeDelta<>(new Chunk<>(position, source), new Chunk<>(position, target)));
    }
    if (patch.getDeltas().isEmpty()) {
      return new Patched.Rejected("the diff has no hunk");
    }
    try {
      return new Patched.Applied(String.join("\n", DiffUtils.patch(lines(text), patch)));
    } catch (PatchFailedException | IndexOutOfBoundsException e) {
      return new Patched.Rejected("the diff does not match the passage: " + e.getMessage());
    }
  }

  /**
   * Reads the body of one hunk starting at line {@code i} into its source and target lines;
   * returns the index after the hunk, or −1 when the body does not fit the counts.
   */
  private static int readHunk(List<String> lines, int i, int oldCount, int newCount,
      List<String> source, List<String> target) {
    int olds = 0;
    int news = 0;
    while (olds < oldCount || news < newCount) {
      if (i >= lines.size()) {
        return -1;
      }
      String line = lines.get(i++);
      if (line.startsWith("\\")) {
        continue; // "\ No newline at end of file": lines here never need it
      }
      char kind = line.isEmpty() ? ' ' : line.charAt(0); // some tools strip a lone space
      String body = line.isEmpty() ? "" : line.substring(1);
      switch (kind) {
        case ' ' -> {
          source.add(body);
          target.add(body);
          olds++;
          news++;
        }
        case '-' -> {
          source.add(body);
          olds++;
        }
        case '+' -> {
          target.add(body);
          news++;
        }
        default -> {
          return -1;
        }
      }
      if (olds > oldCount || news > newCount) {
        return -1;
      }
    }
    return i;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
