package io.vivarium.lab.repair;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.lab.repair.Lexicon.Parts;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.Episode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The rule-based baseline: undoes the corruptions whose traces a word list can see. It strips
 * tags the corpus never uses, drops stray punctuation tokens and inserted characters, re-splits
 * glued words (with a newline where the line would otherwise run past the corpus's width),
 * un-shuffles inner letters, drops a word repeated in a row, swaps back neighbours whose pairs
 * were never seen in that order, and restores capitalisation. Deleted, overwritten or moved
 * spans and replaced numbers are left alone: no rule can know what was there.
 *
 * <p>Thread-safe (the lexicon is read-only).
 */
public final class HeuristicSolver implements Solver {
  private static final char GLUE = '\u0000'; // a re-split point: space or newline, decided last
  private static final double SWAP_GAIN = 10.0;
  /** Largest share of clean passages a rule may change and still be trusted. */
  static final double TRUST = 0.01;
  private final Lexicon lex;
  private final Set<Rule> rules;

  /** The repair rules, each of which calibration may switch off. */
  public enum Rule {
    TAGS, SYMBOL, RESPLIT, UNSHUFFLE, LETTER, STRAY, REPEAT, SWAP, RECASE
  }

  /** A solver with every rule on. */
  public HeuristicSolver(Lexicon lexicon) {
    this(lexicon, EnumSet.allOf(Rule.class));
  }

  /** A solver with only {@code rules} on. */
  public HeuristicSolver(Lexicon lexicon, Set<Rule> rules) {
    this.lex = lexicon;
    this.rules = rules.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(rules);
  }

  /**
   * A solver for {@code corpus}: each rule is tried alone on clean training passages against
   * a word list learned from the other training passages, and kept only if it changes at
   * most {@link #TRUST} of them (a small corpus leaves many real words unknown, and rules
   * that "fix" unknown words would then damage clean text). The final word list is learned
   * from all {@code passages} passages.
   */
  public static HeuristicSolver calibrated(Corpus corpus, int passages) {
    List<String> all = Lexicon.trainingPassages(corpus, passages);
    int cut = Math.max(1, all.size() * 4 / 5);
    Lexicon part = Lexicon.learn(all.subList(0, cut));
    List<String> check = all.subList(Math.min(cut, all.size() - 1), all.size());
    Set<Rule> trusted = EnumSet.noneOf(Rule.class);
    for (Rule r : Rule.values()) {
      HeuristicSolver alone = new HeuristicSolver(part, EnumSet.of(r));
      long changed = check.stream().filter(p -> !alone.repair(p).equals(p)).count();
      if (changed <= TRUST * check.size()) {
        trusted.add(r);
      }
    }
    return new HeuristicSolver(Lexicon.learn(all), trusted);
  }

  /** The rules in use. */
  public Set<Rule> rules() {
    return java.util.Collections.unmodifiableSet(rules);
  }

  @Override
  public String name() {
    return "heuristic";
  }

  @Override
  public Action act(Observation observation) {
    String shown = new String(observation.bytes(Channel.TEXT), StandardCharsets.UTF_8);
    return Action.text(repair(Episode.targetOf(shown)));
  }

  /** The repaired passage. */
  public String repair(String text) {
    List<String> seps = new ArrayList<>(); // seps.get(i) precedes toks.get(i); one extra at the end
    List<String> toks = new ArrayList<>();
    String plain = text.replace(GLUE, ' ');
    split(rules.contains(Rule.TAGS) ? stripTags(plain) : plain, seps, toks);
    // 1. Tokens that do not look like clean text: inserted characters, glued or shuffled words.
    for (int i = 0; i < toks.size(); i++) {
      toks.set(i, fixToken(toks.get(i)));
    }
    // 2. Stray punctuation tokens, and words repeated in a row.
    for (int i = toks.size() - 1; i >= 0; i--) {
      boolean stray = rules.contains(Rule.STRAY) && Parts.of(toks.get(i)).core().isEmpty()
          && !lex.bare.contains(toks.get(i));
      boolean repeat = rules.contains(Rule.REPEAT) && i > 0 && toks.get(i).equals(toks.get(i - 1))
          && seps.get(i).equals(" ");
      if (stray || repeat) {
        toks.remove(i);
        // Of the separators around the dropped token keep the one that breaks the line.
        boolean keepBefore = i == 0 || seps.get(i).indexOf('\n') >= seps.get(i + 1).indexOf('\n');
        seps.remove(keepBefore ? i + 1 : i);
      }
    }
    // 3. Neighbours in an order never seen, whose swapped order is familiar.
    if (rules.contains(Rule.SWAP)) {
      swapBack(toks);
    }
    // 4. Capitalisation by position in the sentence.
    if (rules.contains(Rule.RECASE)) {
      recase(toks);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < toks.size(); i++) {
      b.append(seps.get(i)).append(toks.get(i));
    }
    b.append(seps.get(toks.size()));
    return resolveGlue(b.toString());
  }

  private String stripTags(String text) {
    Matcher m = Lexicon.TAG.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      boolean real = lex.tags.contains(m.group(1).toLowerCase(Locale.ROOT));
      m.appendReplacement(b, real ? Matcher.quoteReplacement(m.group()) : "");
    }
    m.appendTail(b);
    return b.toString();
  }

  private static void split(String text, List<String> seps, List<String> toks) {
    int i = 0;
    int n = text.length();
    while (true) {
      int s = i;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      seps.add(text.substring(s, i));
      if (i == n) {
        return;
      }
      int t = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      toks.add(text.substring(t, i));
    }
  }

  /** The most plausible clean form of one token; the token itself when it looks clean. */
  String fixToken(String tok) {
    if (lex.knownToken(tok)) {
      return tok;
    }
    String fix = rules.contains(Rule.SYMBOL) ? deleteOne(tok, false) : null;
    if (fix == null && rules.contains(Rule.RESPLIT)) {
      fix = resplit(tok);
    }
    if (fix == null && rules.contains(Rule.UNSHUFFLE)) {
      fix = unshuffle(tok);
    }
    if (fix == null && rules.contains(Rule.LETTER)) {
      fix = deleteOne(tok, true);
    }
    return fix == null ? tok : fix;
  }

  /** Deletes one punctuation/symbol character (or, if {@code alnum}, one letter or digit). */
  private String deleteOne(String tok, boolean alnum) {
    String best = null;
    int bestCount = -1;
    for (int j = 0; j < tok.length(); j++) {
      if (Character.isLetterOrDigit(tok.charAt(j)) != alnum) {
        continue;
      }
      String t = tok.substring(0, j) + tok.substring(j + 1);
      if (!t.isEmpty() && lex.knownToken(t)) {
        int c = lex.count(Parts.of(t).core());
        if (c > bestCount) {
          best = t;
          bestCount = c;
        }
      }
    }
    return best;
  }

  /** Splits a glued pair of known tokens, preferring the split whose rarer half is commoner. */
  private String resplit(String tok) {
    String best = null;
    int bestCount = -1;
    for (int j = 1; j < tok.length(); j++) {
      String left = tok.substring(0, j);
      String right = tok.substring(j);
      if (lex.knownToken(left) && lex.knownToken(right)) {
        int c = Math.min(lex.count(Parts.of(left).core()), lex.count(Parts.of(right).core()));
        if (c > bestCount) {
          best = left + GLUE + right;
          bestCount = c;
        }
      }
    }
    return best;
  }

  /** Restores a word whose inner letters were shuffled. */
  private String unshuffle(String tok) {
    Parts p = Parts.of(tok);
    String sig = Lexicon.signature(p.lower());
    String word = sig == null ? null : lex.shuffled.get(sig);
    if (word == null || word.equals(p.lower())) {
      return null;
    }
    String core = Character.isUpperCase(p.core().charAt(0))
        ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
    String t = p.lead() + core + p.trail();
    return lex.knownToken(t) ? t : null;
  }

  /**
   * Swaps back neighbours when the swapped order is far likelier under the word-pair counts
   * (by more than {@link #SWAP_GAIN} nats, about two never-seen pairs healed).
   */
  private void swapBack(List<String> toks) {
    for (int i = 0; i + 1 < toks.size(); i++) {
      String a = toks.get(i);
      String b = toks.get(i + 1);
      Parts pa = Parts.of(a);
      Parts pb = Parts.of(b);
      // A swap across a sentence end would compare pairs inside a sentence with pairs across.
      if (pa.core().isEmpty() || pb.core().isEmpty() || a.equals(b)
          || Lexicon.endsSentence(pa.trail()) || Lexicon.endsSentence(pb.trail())) {
        continue;
      }
      String prev = i > 0 ? toks.get(i - 1) : null;
      String next = i + 2 < toks.size() ? toks.get(i + 2) : null;
      double now = fit(prev, a) + fit(a, b) + fit(b, next);
      double swapped = fit(prev, b) + fit(b, a) + fit(a, next);
      if (swapped - now > SWAP_GAIN) {
        toks.set(i, b);
        toks.set(i + 1, a);
        i++;
      }
    }
  }

  /** How well token {@code y} follows token {@code x}; 0 across sentences, numbers or edges. */
  private double fit(String x, String y) {
    if (x == null || y == null) {
      return 0;
    }
    Parts px = Parts.of(x);
    Parts py = Parts.of(y);
    if (px.core().isEmpty() || py.core().isEmpty() || Lexicon.endsSentence(px.trail())
        || Lexicon.NUMBER.matcher(px.core()).matches() || Lexicon.NUMBER.matcher(py.core()).matches()) {
      return 0;
    }
    return lex.pairLogProb(px.lower(), py.lower());
  }

  /** Gives each known word its usual capitalisation for its place in the sentence. */
  private void recase(List<String> toks) {
    String previousTrail = ".";
    for (int i = 0; i < toks.size(); i++) {
      String tok = toks.get(i);
      Parts p = Parts.of(tok);
      if (p.core().isEmpty()) {
        continue;
      }
      if (tok.indexOf(GLUE) < 0) {
        String form = lex.form(p.lower(), Lexicon.startsSentence(previousTrail, p.lead()));
        if (form != null && !form.equals(p.core()) && form.equalsIgnoreCase(p.core())) {
          toks.set(i, p.lead() + form + p.trail());
        }
      }
      previousTrail = p.trail();
    }
  }

  /** A re-split point becomes a newline when a space would run the line past the corpus's width. */
  private String resolveGlue(String text) {
    StringBuilder b = new StringBuilder(text);
    int lineStart = 0;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c == '\n') {
        lineStart = i + 1;
      } else if (c == GLUE) {
        int lineEnd = b.indexOf("\n", i);
        int length = (lineEnd < 0 ? b.length() : lineEnd) - lineStart;
        boolean wrap = lex.maxLineLength > 0 && length > lex.maxLineLength;
        b.setCharAt(i, wrap ? '\n' : ' ');
        if (wrap) {
          lineStart = i + 1;
        }
      }
    }
    return b.toString();
  }
}
