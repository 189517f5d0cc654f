package io.vivarium.lab.repair;

import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.Diffs;
import io.vivarium.worlds.repair.WordEdits;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the heuristic solver knows about clean text, learned from a corpus's training split:
 * words and their usual capitalisation inside and at the start of sentences, the punctuation
 * seen around words, word pairs, the tags the text really uses, and the line width.
 *
 * <p>Immutable after {@link #learn}; thread-safe.
 */
public final class Lexicon {
  /** Training passages read by default. */
  public static final int DEFAULT_PASSAGES = 3000;
  static final Pattern NUMBER = Pattern.compile("\\d+([.:,]\\d+)*");
  static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)\\s*/?>");

  /** A word split into leading punctuation, the core, and trailing punctuation. */
  record Parts(String lead, String core, String trail) {
    static Parts of(String token) {
      int s = 0;
      int e = token.length();
      while (s < e && !Character.isLetterOrDigit(token.charAt(s))) {
        s++;
      }
      while (e > s && !Character.isLetterOrDigit(token.charAt(e - 1))) {
        e--;
      }
      return new Parts(token.substring(0, s), token.substring(s, e), token.substring(e));
    }

    String lower() {
      return core.toLowerCase(Locale.ROOT);
    }
  }

  final Map<String, Integer> frequency = new HashMap<>(); // lower-case core → count
  final Map<String, Map<String, Integer>> midForms = new HashMap<>();
  final Map<String, Map<String, Integer>> startForms = new HashMap<>();
  final Map<String, Integer> pairs = new HashMap<>(); // "a b" lower-case cores → count
  final Map<String, String> shuffled = new HashMap<>(); // signature → most frequent word
  final Set<String> leads = new HashSet<>();
  final Set<String> trails = new HashSet<>();
  final Set<String> bare = new HashSet<>(); // tokens with no letter or digit
  final Set<String> tags = new HashSet<>();
  int maxLineLength;
  private long tokens;

  private Lexicon() {}

  /** Learns from up to {@code passages} passages of {@code corpus}'s training split. */
  public static Lexicon learn(Corpus corpus, int passages) {
    return learn(trainingPassages(corpus, passages));
  }

  /** Learns from {@code passages}. */
  public static Lexicon learn(List<String> passages) {
    Lexicon lex = new Lexicon();
    passages.forEach(lex::read);
    lex.index();
    return lex;
  }

  /** The first {@code passages} passages of {@code corpus}'s training split (fewer if it has fewer). */
  static List<String> trainingPassages(Corpus corpus, int passages) {
    long n = Math.min(passages, corpus.size(Split.TRAIN));
    List<String> out = new java.util.ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(corpus.passage(Split.TRAIN, i));
    }
    return out;
  }

  /** The number of word tokens read. */
  public long tokens() {
    return tokens;
  }

  private void read(String passage) {
    for (String line : Diffs.lines(passage)) {
      maxLineLength = Math.max(maxLineLength, line.length());
    }
    Matcher m = TAG.matcher(passage);
    while (m.find()) {
      tags.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    List<int[]> words = WordEdits.words(passage);
    String previousTrail = ".";
    String previous = null;
    for (int[] w : words) {
      Parts p = Parts.of(passage.substring(w[0], w[1]));
      tokens++;
      if (p.core().isEmpty()) {
        bare.add(p.lead());
        continue;
      }
      leads.add(p.lead());
      trails.add(p.trail());
      String lower = p.lower();
      frequency.merge(lower, 1, Integer::sum);
      boolean start = startsSentence(previousTrail, p.lead());
      (start ? startForms : midForms).computeIfAbsent(lower, k -> new HashMap<>())
          .merge(p.core(), 1, Integer::sum);
      if (previous != null && !endsSentence(previousTrail)) {
        pairs.merge(previous + " " + lower, 1, Integer::sum);
      }
      previous = lower;
      previousTrail = p.trail();
    }
  }

  private void index() {
    Map<String, Integer> best = new HashMap<>();
    frequency.forEach((word, count) -> {
      String sig = signature(word);
      if (sig != null && count > best.getOrDefault(sig, 0)) {
        best.put(sig, count);
        shuffled.put(sig, word);
      }
    });
  }

  /** A sentence starts after {@code .!?} (or at the start) and at an opening quote. */
  static boolean startsSentence(String previousTrail, String lead) {
    return endsSentence(previousTrail) || lead.indexOf('"') >= 0 || lead.indexOf('“') >= 0;
  }

  /** Whether trailing punctuation ends a sentence. */
  static boolean endsSentence(String trail) {
    return trail.indexOf('.') >= 0 || trail.indexOf('!') >= 0 || trail.indexOf('?') >= 0;
  }

  /** Letters-only words of 4+ letters: first, last, length and sorted middle; else null. */
  static String signature(String lower) {
    if (lower.length() < 4 || !lower.chars().allMatch(Character::isLetter)) {
      return null;
    }
    char[] middle = lower.substring(1, lower.length() - 1).toCharArray();
    java.util.Arrays.sort(middle);
    return lower.charAt(0) + new String(middle) + lower.charAt(lower.length() - 1);
  }

  /** Whether the core is a known word (any case) or a number. */
  boolean knownCore(String core) {
    return frequency.containsKey(core.toLowerCase(Locale.ROOT)) || NUMBER.matcher(core).matches();
  }

  /** Whether a whole token looks like clean text: known core, familiar punctuation. */
  boolean knownToken(String token) {
    Parts p = Parts.of(token);
    if (p.core().isEmpty()) {
      return bare.contains(token);
    }
    return knownCore(p.core()) && leads.contains(p.lead()) && trails.contains(p.trail());
  }

  /** How often a core was seen (numbers count once). */
  int count(String core) {
    return frequency.getOrDefault(core.toLowerCase(Locale.ROOT), 1);
  }

  /** The usual written form of {@code lower} at a sentence start or inside one; null if unseen. */
  String form(String lower, boolean sentenceStart) {
    Map<String, Integer> forms = (sentenceStart ? startForms : midForms).get(lower);
    if (forms == null && sentenceStart) {
      String mid = form(lower, false);
      return mid == null ? null : Character.toUpperCase(mid.charAt(0)) + mid.substring(1);
    }
    if (forms == null) {
      return null;
    }
    return forms.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).orElse(null);
  }

  /**
   * The smoothed log-probability that {@code b} follows {@code a} inside a sentence; pairs
   * never seen score far below seen ones.
   */
  double pairLogProb(String a, String b) {
    int together = pairs.getOrDefault(a + " " + b, 0);
    int alone = frequency.getOrDefault(a, 0);
    return Math.log((together + 0.01) / (alone + 0.01 * (frequency.size() + 1)));
  }
}
