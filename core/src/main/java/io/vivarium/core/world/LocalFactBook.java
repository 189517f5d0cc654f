package io.vivarium.core.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fact book of this process, for worlds outside a colony: facts in a map by key; the nearest
 * to a query are those sharing the most words (letters and digits, case folded) with it, key
 * and value together, ties in key order. Lookups scan every fact: meant for thousands, not
 * millions. Thread-safe (synchronized).
 */
public final class LocalFactBook implements FactBook {
  private final Map<String, Entry> facts = new TreeMap<>();

  private record Entry(Fact fact, Set<String> words) {}

  @Override
  public synchronized void put(Fact fact) {
    Objects.requireNonNull(fact, "fact");
    facts.put(fact.key(), new Entry(fact, words(fact.key() + " " + fact.value())));
  }

  @Override
  public synchronized List<Fact> lookup(String key, String query, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("a lookup asks for k >= 0 facts; got " + k);
    }
    List<Fact> out = new ArrayList<>(k);
    Entry exact = key.isEmpty() ? null : facts.get(key);
    if (exact != null && k > 0) {
      out.add(exact.fact());
    }
    Set<String> asked = words(query);
    if (out.size() >= k || asked.isEmpty()) {
      return out;
    }
    List<Map.Entry<Entry, Integer>> scored = new ArrayList<>();
    for (Entry e : facts.values()) {
      int shared = 0;
      for (String w : asked) {
        shared += e.words().contains(w) ? 1 : 0;
      }
      if (shared > 0 && e != exact) {
        scored.add(Map.entry(e, shared));
      }
    }
    // stable sort: equal scores stay in key order
    scored.sort(Comparator.comparing((Map.Entry<Entry, Integer> s) -> s.getValue()).reversed());
    for (int i = 0; i < scored.size() && out.size() < k; i++) {
      out.add(scored.get(i).getKey().fact());
    }
    return out;
  }

  /** Facts held. */
  public synchronized int size() {
    return facts.size();
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    words.remove("");
    return words;
  }
}
