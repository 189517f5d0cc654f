package io.vivarium.worlds.repair;

import io.vivarium.worlds.repair.Operation.Edited;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The word-level corruption operations. A word is a maximal run of non-whitespace
 * characters; word indices count those runs from 0.
 *
 * <p>{@link #words} is public: the repair solvers (module lab) split text the same way.
 *
 * <p>Stateless and thread-safe.
 */
public final class WordEdits {
  private WordEdits() {}

  /** The words of {@code text} as {@code [start, end)} character spans, in order. */
  public static List<int[]> words(String text) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        spans.add(new int[] {start, i});
      }
    }
    return spans;
  }

  static Edited duplicateWord(String text, String donor, SplittableRandom rng) {
    List<int[]> words = words(text);
    if (words.isEmpty()) {
      return null;
    }
    int w = rng.nextInt(words.size());
    int[] s = words.get(w);
    String word = text.substring(s[0], s[1]);
    return new Edited(SpanEdits.splice(text, s[1], s[1], " " + word),
        "Word was duplicated near word index " + w + ".");
  }

  static Edited shuffleWordMiddle(String text, String donor, SplittableRandom rng) {
    List<int[]> words = words(text);
    List<Integer> candidates = new ArrayList<>();
    for (int w = 0; w < words.size(); w++) {
      int[] core = letterCore(text, words.get(w));
      if (core[1] - core[0] >= 4 && !uniform(text, core[0] + 1, core[1] - 1)) {
        candidates.add(w);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    int w = candidates.get(rng.nextInt(candidates.size()));
    int[] core = letterCore(text, words.get(w));
    char[] middle = text.substring(core[0] + 1, core[1] - 1).toCharArray();
    for (int i = middle.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      char t = middle[i];
      middle[i] = middle[j];
      middle[j] = t;
    }
    return new Edited(SpanEdits.splice(text, core[0] + 1, core[1] - 1, new String(middle)),
        "Inner letters of the word at word index " + w + " were shuffled.");
  }

  static Edited adjacentWordSwap(String text, String donor, SplittableRandom rng) {
    List<int[]> words = words(text);
    if (words.size() < 2) {
      return null;
    }
    int w = rng.nextInt(words.size() - 1);
    int[] a = words.get(w);
    int[] b = words.get(w + 1);
    String swapped = text.substring(b[0], b[1]) + text.substring(a[1], b[0]) + text.substring(a[0], a[1]);
    return new Edited(SpanEdits.splice(text, a[0], b[1], swapped),
        "Word exchanged places with its right neighbour near word index " + w + ".");
  }

  static Edited randomNumberReplacement(String text, String donor, SplittableRandom rng) {
    List<int[]> numbers = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      if (Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
        int start = i;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
          i++;
        }
        numbers.add(new int[] {start, i});
      } else {
        i++;
      }
    }
    if (numbers.isEmpty()) {
      return null;
    }
    int[] s = numbers.get(rng.nextInt(numbers.size()));
    int digits = Math.max(1, Math.min(9, s[1] - s[0] + rng.nextInt(3) - 1));
    int low = digits == 1 ? 0 : (int) Math.pow(10, digits - 1);
    int value = low + rng.nextInt((int) Math.pow(10, digits) - low);
    int wordIndex = wordIndexAt(text, s[0]);
    return new Edited(SpanEdits.splice(text, s[0], s[1], Integer.toString(value)),
        "A number was replaced with a random one near word index " + wordIndex + ".");
  }

  /** The span of letters inside a word, without its leading and trailing non-letters. */
  static int[] letterCore(String text, int[] word) {
    int start = word[0];
    int end = word[1];
    while (start < end && !Character.isLetter(text.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetter(text.charAt(end - 1))) {
      end--;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c) || Character.isSurrogate(c)) {
        return new int[] {start, start}; // not a plain word: apostrophes, digits, symbols
      }
    }
    return new int[] {start, end};
  }

  private static boolean uniform(String text, int start, int end) {
    for (int i = start + 1; i < end; i++) {
      if (text.charAt(i) != text.charAt(start)) {
        return false;
      }
    }
    return true;
  }

  private static int wordIndexAt(String text, int position) {
    List<int[]> words = words(text);
    for (int w = 0; w < words.size(); w++) {
      if (words.get(w)[1] > position) {
        return w;
      }
    }
    return Math.max(0, words.size() - 1);
  }
}
