package io.vivarium.worlds.repair;

import io.vivarium.core.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in corpus: English-like passages made by a seeded template grammar, with numbers,
 * names, capitals, quotes and punctuation, wrapped into lines like a text file. Passage
 * {@code i} of a split is a pure function of the corpus seed, the split and {@code i}; the two
 * splits draw from differently named seed streams, so they share templates and words but not
 * passages.
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed the corpus seed
 * @param passageChars the most characters in a passage (at least one sentence is always kept)
 * @param lineWidth lines are wrapped at this many characters
 */
public record GeneratedCorpus(long seed, int passageChars, int lineWidth) implements Corpus {
  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
  private static final Pattern ARTICLE = Pattern.compile("\\b([Aa]) ([aeiouAEIOU])");

  public GeneratedCorpus {
    if (passageChars < 80 || passageChars > 100_000) {
      throw new IllegalArgumentException(
          "passageChars must be between 80 and 100000; got " + passageChars);
    }
    if (lineWidth < 20 || lineWidth > 1000) {
      throw new IllegalArgumentException("lineWidth must be between 20 and 1000; got " + lineWidth);
    }
  }

  /** The default built-in corpus: 600-character passages wrapped at 72 columns. */
  public static GeneratedCorpus standard() {
    return new GeneratedCorpus(0x5EED_0004L, 600, 72);
  }

  /** This corpus with passages of at most {@code chars} characters. */
  public GeneratedCorpus withPassageChars(int chars) {
    return new GeneratedCorpus(seed, chars, lineWidth);
  }

  @Override
  public String name() {
    return "generated(seed=" + seed + ", passageChars=" + passageChars + ")";
  }

  @Override
  public int maxPassageChars() {
    return passageChars;
  }

  @Override
  public long size(Split split) {
    return Long.MAX_VALUE;
  }

  @Override
  public String passage(Split split, long index) {
    SplittableRandom rng = Seeds.random(seed, "passage-" + split.name(), index);
    int paragraphs = 1 + rng.nextInt(3);
    List<StringBuilder> paras = new ArrayList<>();
    int length = 0;
    int budget = passageChars - 2 * (paragraphs - 1);
    for (int p = 0; p < paragraphs; p++) {
      paras.add(new StringBuilder());
    }
    for (int tries = 0; tries < 200; tries++) {
      String sentence = sentence(rng);
      int p = Math.min(paragraphs - 1, (int) ((long) length * paragraphs / Math.max(1, budget)));
      int added = sentence.length() + (paras.get(p).isEmpty() ? 0 : 1);
      if (length + added > budget) {
        if (length > 0 && length > budget * 3 / 4) {
          break;
        }
        continue;
      }
      if (!paras.get(p).isEmpty()) {
        paras.get(p).append(' ');
      }
      paras.get(p).append(sentence);
      length += added;
    }
    StringBuilder out = new StringBuilder();
    for (StringBuilder para : paras) {
      if (para.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append(wrap(para.toString(), lineWidth));
    }
    return out.toString();
  }

  /** One sentence: a template with its slots filled, capitalised, articles agreed. */
  static String sentence(SplittableRandom rng) {
    String template = Grammar.TEMPLATES[rng.nextInt(Grammar.TEMPLATES.length)];
    Matcher m = SLOT.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(Grammar.fill(m.group(1), rng)));
    }
    m.appendTail(b);
    String s = ARTICLE.matcher(b).replaceAll("$1n $2");
    int first = 0;
    while (first < s.length() && !Character.isLetter(s.charAt(first))) {
      first++;
    }
    return first == s.length()
        ? s
        : s.substring(0, first) + Character.toUpperCase(s.charAt(first)) + s.substring(first + 1);
  }

  /** Greedy word wrap at {@code width} columns; a longer word gets a line of its own. */
  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    int lineLength = 0;
    for (String word : text.split(" ")) {
      if (lineLength > 0 && lineLength + 1 + word.length() > width) {
        out.append('\n');
        lineLength = 0;
      } else if (lineLength > 0) {
        out.append(' ');
        lineLength++;
      }
      out.append(word);
      lineLength += word.length();
    }
    return out.toString();
  }
}
