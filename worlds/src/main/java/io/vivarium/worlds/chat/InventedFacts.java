package io.vivarium.worlds.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The built-in facts: invented countries (capital, flag colour, year founded) and invented people
 * (height, year born, favourite colour, home country), named from random syllables so that no
 * fact can be known from pre-training. Generated from a fixed seed: every run, test and machine
 * gets the same 2,000 facts. Stateless and thread-safe.
 */
public final class InventedFacts {
  /** Countries generated; each has three facts. */
  public static final int COUNTRIES = 400;
  /** People generated; each has four facts. */
  public static final int PEOPLE = 200;
  private static final long SEED = 0x5eed_004fL;
  private static final String[] ONSETS = {"b", "br", "d", "dr", "f", "g", "gr", "k", "kl", "l", "m", "n", "p", "qu", "r",
      "s", "st", "t", "tr", "v", "z", "sh", "th", "w"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "y"};
  private static final String[] CODAS = {"", "", "n", "r", "l", "s", "m", "x"};
  private static final String[] COUNTRY_ENDS = {"ia", "land", "stan", "or", "ea", "mark", "onia", "ar"};
  private static final String[] COLOURS = {"red", "blue", "green", "yellow", "purple", "orange", "white", "black",
      "grey", "pink", "brown", "teal"};

  private InventedFacts() {}

  /** The 2,000 built-in facts, countries first, in a fixed order. */
  public static List<ChatFact> all() {
    SplittableRandom r = new SplittableRandom(SEED);
    Set<String> used = new HashSet<>();
    List<ChatFact> facts = new ArrayList<>(COUNTRIES * 3 + PEOPLE * 4);
    List<String> countries = new ArrayList<>(COUNTRIES);
    for (int c = 0; c < COUNTRIES; c++) {
      String country = unique(used, () -> word(r, 1 + r.nextInt(2)) + COUNTRY_ENDS[r.nextInt(COUNTRY_ENDS.length)]);
      countries.add(country);
      facts.add(new ChatFact(country, "capital", unique(used, () -> word(r, 2 + r.nextInt(2)))));
      facts.add(new ChatFact(country, "flag colour", COLOURS[r.nextInt(COLOURS.length)]));
      facts.add(new ChatFact(country, "founded", Integer.toString(1000 + r.nextInt(1000))));
    }
    for (int p = 0; p < PEOPLE; p++) {
      String person = unique(used, () -> word(r, 2) + " " + word(r, 2 + r.nextInt(2)));
      facts.add(new ChatFact(person, "height", (150 + r.nextInt(60)) + " cm"));
      facts.add(new ChatFact(person, "born", Integer.toString(1900 + r.nextInt(110))));
      facts.add(new ChatFact(person, "favourite colour", COLOURS[r.nextInt(COLOURS.length)]));
      facts.add(new ChatFact(person, "home", countries.get(r.nextInt(countries.size()))));
    }
    return List.copyOf(facts);
  }

  private static String unique(Set<String> used, java.util.function.Supplier<String> make) {
    for (;;) {
      String s = make.get();
      if (used.add(s.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
  }

  /** A capitalised word of {@code syllables} random syllables. */
  private static String word(SplittableRandom r, int syllables) {
    StringBuilder b = new StringBuilder();
    for (int s = 0; s < syllables; s++) {
      b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
      if (s == syllables - 1) {
        b.append(CODAS[r.nextInt(CODAS.length)]);
      }
    }
    return Character.toUpperCase(b.charAt(0)) + b.substring(1);
  }
}
