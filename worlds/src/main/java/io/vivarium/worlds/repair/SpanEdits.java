package io.vivarium.worlds.repair;

import io.vivarium.worlds.repair.Operation.Edited;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The character-level corruption operations: spans moved, swapped, deleted or scrambled, and
 * single characters inserted, deleted or re-cased. Positions never split a surrogate pair.
 *
 * <p>Stateless and thread-safe.
 */
final class SpanEdits {
  private static final String PUNCTUATION = ".,;:!?-'\"()";
  private static final String[] TAGS = {
    "b", "i", "em", "strong", "span", "div", "p", "br", "hr", "code", "pre", "small", "sup",
    "sub", "u", "s", "tt", "kbd", "abbr", "cite", "mark", "q", "dfn", "var", "samp", "ins",
    "del", "note", "item", "entry", "node", "field", "record", "meta", "label", "value",
  };

  private SpanEdits() {}

  static Edited transposeSubstrings(String text, String donor, SplittableRandom rng) {
    int[] span = span(text, rng, 8, 60);
    if (span == null) {
      return null;
    }
    String source = donor.length() >= 16 ? donor : text;
    int[] from = span(source, rng, 8, 60);
    if (from == null) {
      return null;
    }
    String piece = source.substring(from[0], from[1]);
    return new Edited(splice(text, span[0], span[1], piece),
        "Span " + range(span) + " was overwritten by " + piece.length()
            + " characters taken from another passage.");
  }

  static Edited substringToGibberish(String text, String donor, SplittableRandom rng) {
    int[] span = span(text, rng, 3, 16);
    if (span == null) {
      return null;
    }
    StringBuilder junk = new StringBuilder();
    for (int i = span[0]; i < span[1]; i++) {
      junk.append((char) ('!' + rng.nextInt('~' - '!' + 1)));
    }
    return new Edited(splice(text, span[0], span[1], junk.toString()),
        "Span " + range(span) + " was replaced with gibberish.");
  }

  static Edited adjacentSubstringSwap(String text, String donor, SplittableRandom rng) {
    int[] span = span(text, rng, 6, 80);
    if (span == null) {
      return null;
    }
    int mid = boundary(text, span[0] + 1 + rng.nextInt(span[1] - span[0] - 1));
    if (mid <= span[0] || mid >= span[1]) {
      return null;
    }
    String swapped = text.substring(mid, span[1]) + text.substring(span[0], mid);
    return new Edited(splice(text, span[0], span[1], swapped),
        "The two halves of span " + range(span) + " were exchanged at character " + mid + ".");
  }

  static Edited deleteSubstring(String text, String donor, SplittableRandom rng) {
    int[] span = span(text, rng, 3, 40);
    if (span == null) {
      return null;
    }
    return new Edited(splice(text, span[0], span[1], ""),
        "Span " + range(span) + " was deleted.");
  }

  static Edited insertSpuriousTag(String text, String donor, SplittableRandom rng) {
    int at = position(text, rng);
    String name = TAGS[rng.nextInt(TAGS.length)];
    String tag = switch (rng.nextInt(3)) {
      case 0 -> "<" + name + ">";
      case 1 -> "</" + name + ">";
      default -> "<" + name + "/>";
    };
    return new Edited(splice(text, at, at, tag),
        "A spurious " + tag + " tag was inserted at character " + at + ".");
  }

  static Edited deleteWhitespaceCharacter(String text, String donor, SplittableRandom rng) {
    List<Integer> spaces = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        spaces.add(i);
      }
    }
    if (spaces.isEmpty()) {
      return null;
    }
    int at = spaces.get(rng.nextInt(spaces.size()));
    return new Edited(splice(text, at, at + 1, ""),
        "A whitespace character was deleted at character " + at + ".");
  }

  static Edited insertPrintableAsciiCharacter(String text, String donor, SplittableRandom rng) {
    int at = position(text, rng);
    char c = (char) ('!' + rng.nextInt('~' - '!' + 1));
    return new Edited(splice(text, at, at, String.valueOf(c)),
        "A printable ASCII character was inserted at character " + at + ".");
  }

  static Edited swapCapitalization(String text, String donor, SplittableRandom rng) {
    List<Integer> letters = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.toUpperCase(c) != Character.toLowerCase(c)) {
        letters.add(i);
      }
    }
    if (letters.isEmpty()) {
      return null;
    }
    int at = letters.get(rng.nextInt(letters.size()));
    char c = text.charAt(at);
    char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    return new Edited(splice(text, at, at + 1, String.valueOf(swapped)),
        "The capitalisation of the letter at character " + at + " was swapped.");
  }

  static Edited insertPunctuation(String text, String donor, SplittableRandom rng) {
    int at = position(text, rng);
    char c = PUNCTUATION.charAt(rng.nextInt(PUNCTUATION.length()));
    return new Edited(splice(text, at, at, String.valueOf(c)),
        "Punctuation was inserted near character " + at + ".");
  }

  static Edited swapSubstrings(String text, String donor, SplittableRandom rng) {
    int n = text.length();
    if (n < 24) {
      return null;
    }
    int len1 = 4 + rng.nextInt(Math.max(1, Math.min(50, n / 4) - 3));
    int len2 = 4 + rng.nextInt(Math.max(1, Math.min(50, n / 4) - 3));
    int a = boundary(text, rng.nextInt(n - len1 - len2 - 1));
    int b = boundary(text, a + len1);
    int c = boundary(text, b + 1 + rng.nextInt(n - b - len2));
    int d = boundary(text, Math.min(n, c + len2));
    if (!(a < b && b <= c && c < d)) {
      return null;
    }
    String swapped = text.substring(c, d) + text.substring(b, c) + text.substring(a, b);
    return new Edited(splice(text, a, d, swapped),
        "Spans [" + a + ", " + b + ") and [" + c + ", " + d + ") were swapped.");
  }

  /** A random span of {@code min..max} characters (at most a third of the text), or null. */
  private static int[] span(String text, SplittableRandom rng, int min, int max) {
    int n = text.length();
    int top = Math.min(max, n / 3);
    if (top < min) {
      return null;
    }
    int len = min + rng.nextInt(top - min + 1);
    int start = boundary(text, rng.nextInt(n - len + 1));
    int end = boundary(text, start + len);
    return end > start ? new int[] {start, end} : null;
  }

  /** A random insertion position in {@code 0..length}. */
  private static int position(String text, SplittableRandom rng) {
    return boundary(text, rng.nextInt(text.length() + 1));
  }

  /** {@code i}, moved back by one if it would split a surrogate pair. */
  static int boundary(String text, int i) {
    if (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))
        && Character.isHighSurrogate(text.charAt(i - 1))) {
      return i - 1;
    }
    return i;
  }

  static String splice(String text, int start, int end, String replacement) {
    return text.substring(0, start) + replacement + text.substring(end);
  }

  private static String range(int[] span) {
    return "[" + span[0] + ", " + span[1] + ")";
  }
}
