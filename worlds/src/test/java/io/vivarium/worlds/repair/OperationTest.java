package io.vivarium.worlds.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.worlds.repair.Corpus.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation's effect and diagnosis: on fixed passages and many seeds, the diagnosis
 * line names the operation and its positions, and the damaged text is exactly what the
 * diagnosis says happened to the clean one.
 */
class OperationTest {
  static final String FIXED = """
      In 1987, Ada measured 42 lanterns near Port Selby. The quiet river
      carried the map slowly; nobody knew why.

      "Curious owls never forget anything," Hugo wrote at 9:15.""";
  static final String DONOR = "Every garden needs a kettle; every kettle needs an honest harbor.";

  @ParameterizedTest
  @EnumSource(Operation.class)
  void theDiagnosisDescribesTheEffect(Operation op) {
    List<String> texts = new ArrayList<>(List.of(FIXED));
    GeneratedCorpus corpus = GeneratedCorpus.standard();
    for (int i = 0; i < 20; i++) {
      texts.add(corpus.passage(Split.TRAIN, i));
    }
    for (String text : texts) {
      for (long seed = 0; seed < 25; seed++) {
        Corruption c = op.apply(text, DONOR, new SplittableRandom(seed));
        assertThat(c).as("%s on seed %d", op.key(), seed).isNotNull();
        assertThat(c.operation()).isEqualTo(op);
        assertThat(c.text()).isNotEqualTo(text);
        assertThat(c.diagnosis()).startsWith(op.key() + ": ").endsWith(".");
        checkEffect(op, text, c);
      }
    }
  }

  @Test
  void operationsDeclineTextsThatOfferNothing() {
    SplittableRandom rng = new SplittableRandom(1);
    assertThat(Operation.RANDOM_NUMBER_REPLACEMENT.apply("no digits here", "", rng)).isNull();
    assertThat(Operation.DELETE_WHITESPACE_CHARACTER.apply("unbroken", "", rng)).isNull();
    assertThat(Operation.SHUFFLE_WORD_MIDDLE.apply("a an the", "", rng)).isNull();
    assertThat(Operation.ADJACENT_WORD_SWAP.apply("same same", "", rng)).isNull();
    assertThat(Operation.SWAP_SUBSTRINGS.apply("short", "", rng)).isNull();
  }

  @Test
  void theSameSeedGivesTheSameDamage() {
    for (Operation op : Operation.values()) {
      Corruption a = op.apply(FIXED, DONOR, new SplittableRandom(42));
      Corruption b = op.apply(FIXED, DONOR, new SplittableRandom(42));
      assertThat(a).isEqualTo(b);
    }
  }

  @Test
  void aFixedInputGivesAKnownResult() {
    Corruption c = Operation.DUPLICATE_WORD.apply("the quiet river", "", new SplittableRandom(3));
    assertThat(c.diagnosis()).matches("duplicate_word: Word was duplicated near word index \\d\\.");
    int w = number(c.diagnosis(), "word index (\\d+)");
    List<String> words = new ArrayList<>(List.of("the", "quiet", "river"));
    words.add(w + 1, words.get(w));
    assertThat(c.text()).isEqualTo(String.join(" ", words));
    assertThat(Operation.of("swap_capitalization")).isEqualTo(Operation.SWAP_CAPITALIZATION);
  }

  private static void checkEffect(Operation op, String text, Corruption c) {
    String d = c.diagnosis();
    String out = c.text();
    switch (op) {
      case TRANSPOSE_SUBSTRINGS -> {
        int[] s = span(d);
        int n = number(d, "overwritten by (\\d+) characters");
        assertThat(out).startsWith(text.substring(0, s[0])).endsWith(text.substring(s[1]));
        assertThat(out.length()).isEqualTo(text.length() - (s[1] - s[0]) + n);
        assertThat(DONOR).contains(out.substring(s[0], s[0] + n));
      }
      case SUBSTRING2GIBBERISH -> {
        int[] s = span(d);
        assertThat(out.length()).isEqualTo(text.length());
        assertThat(out).startsWith(text.substring(0, s[0])).endsWith(text.substring(s[1]));
        assertThat(out.substring(s[0], s[1]).chars()).allMatch(ch -> ch >= '!' && ch <= '~');
      }
      case ADJACENT_SUBSTRING_SWAP -> {
        int[] s = span(d);
        int m = number(d, "at character (\\d+)");
        assertThat(out).isEqualTo(text.substring(0, s[0]) + text.substring(m, s[1])
            + text.substring(s[0], m) + text.substring(s[1]));
      }
      case DELETE_SUBSTRING -> {
        int[] s = span(d);
        assertThat(out).isEqualTo(text.substring(0, s[0]) + text.substring(s[1]));
      }
      case INSERT_SPURIOUS_HTML_XML_TAG -> {
        Matcher m = Pattern.compile("A spurious (\\S+) tag was inserted at character (\\d+)").matcher(d);
        assertThat(m.find()).isTrue();
        int at = Integer.parseInt(m.group(2));
        assertThat(m.group(1)).matches("</?[a-z]+/?>");
        assertThat(out).isEqualTo(text.substring(0, at) + m.group(1) + text.substring(at));
      }
      case DELETE_WHITESPACE_CHARACTER -> {
        int at = number(d, "deleted at character (\\d+)");
        assertThat(Character.isWhitespace(text.charAt(at))).isTrue();
        assertThat(out).isEqualTo(text.substring(0, at) + text.substring(at + 1));
      }
      case DUPLICATE_WORD -> {
        int w = number(d, "near word index (\\d+)");
        List<String> words = words(text);
        words.add(w + 1, words.get(w));
        assertThat(words(out)).isEqualTo(words);
      }
      case INSERT_PRINTABLE_ASCII_CHARACTER, INSERT_PUNCTUATION -> {
        int at = number(d, "character (\\d+)");
        assertThat(out.substring(0, at) + out.substring(at + 1)).isEqualTo(text);
        char ch = out.charAt(at);
        assertThat(op == Operation.INSERT_PUNCTUATION ? ".,;:!?-'\"()".indexOf(ch) >= 0
            : ch >= '!' && ch <= '~').isTrue();
      }
      case SHUFFLE_WORD_MIDDLE -> {
        int w = number(d, "word index (\\d+)");
        List<String> before = words(text);
        List<String> after = words(out);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
          if (i != w) {
            assertThat(after.get(i)).isEqualTo(before.get(i));
          }
        }
        assertThat(sorted(after.get(w))).isEqualTo(sorted(before.get(w)));
        assertThat(after.get(w).charAt(0)).isEqualTo(before.get(w).charAt(0));
      }
      case SWAP_CAPITALIZATION -> {
        int at = number(d, "at character (\\d+)");
        assertThat(out.length()).isEqualTo(text.length());
        assertThat(out.substring(0, at) + out.substring(at + 1))
            .isEqualTo(text.substring(0, at) + text.substring(at + 1));
        assertThat(Character.toLowerCase(out.charAt(at))).isEqualTo(Character.toLowerCase(text.charAt(at)));
      }
      case ADJACENT_WORD_SWAP -> {
        int w = number(d, "near word index (\\d+)");
        List<String> words = words(text);
        Collections.swap(words, w, w + 1);
        assertThat(words(out)).isEqualTo(words);
      }
      case RANDOM_NUMBER_REPLACEMENT -> {
        assertThat(d).matches(".*near word index \\d+\\.");
        assertThat(out.replaceAll("\\d+", "#")).isEqualTo(text.replaceAll("\\d+", "#"));
      }
      case SWAP_SUBSTRINGS -> {
        Matcher m = Pattern.compile("Spans \\[(\\d+), (\\d+)\\) and \\[(\\d+), (\\d+)\\) were swapped").matcher(d);
        assertThat(m.find()).isTrue();
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int x = Integer.parseInt(m.group(3));
        int y = Integer.parseInt(m.group(4));
        assertThat(out).isEqualTo(text.substring(0, a) + text.substring(x, y) + text.substring(b, x)
            + text.substring(a, b) + text.substring(y));
      }
    }
  }

  static int[] span(String diagnosis) {
    Matcher m = Pattern.compile("\\[(\\d+), (\\d+)\\)").matcher(diagnosis);
    assertThat(m.find()).as(diagnosis).isTrue();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  static int number(String diagnosis, String regex) {
    Matcher m = Pattern.compile(regex).matcher(diagnosis);
    assertThat(m.find()).as(diagnosis + " ~ " + regex).isTrue();
    return Integer.parseInt(m.group(1));
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (int[] s : WordEdits.words(text)) {
      out.add(text.substring(s[0], s[1]));
    }
    return out;
  }

  private static String sorted(String s) {
    char[] c = s.toCharArray();
    java.util.Arrays.sort(c);
    return new String(c);
  }
}
