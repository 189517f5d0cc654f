package io.vivarium.worlds.listen;

import java.util.ArrayList;
import java.util.List;

/**
 * One listen preset: the words an episode may play and whether its voices are the training ones
 * or the held-out ones. The voice grid is {@link #VOICES} × {@link #SPEEDS}; a combination (v, s)
 * is held out when {@code (v + s) % 3 == 0}, so every voice and every speed is heard in training
 * but a third of their pairings only in evaluation. Immutable.
 *
 * @param name the preset's name, e.g. {@code listen-8} or {@code listen-8-heldout}
 * @param words the words, in action order (action byte {@code '0' + i} names word i)
 * @param heldout whether episodes use the held-out combinations
 */
public record ListenPreset(String name, List<String> words, boolean heldout) {
  /** espeak-ng voices with variants. */
  public static final List<String> VOICES =
      List.of("en+m1", "en+m3", "en+f2", "en-us+m5", "en-us+f4", "en-gb-scotland+m2");
  /** Speeds, words per minute. */
  public static final List<Integer> SPEEDS = List.of(130, 165, 200);
  /** Pitches (0 to 99), drawn freely in training and evaluation alike. */
  public static final List<Integer> PITCHES = List.of(30, 40, 50, 60, 70);

  private static final List<String> EIGHT = List.of("yes", "no", "up", "down", "left", "right", "stop", "go");
  private static final List<ListenPreset> ALL = List.of(
      new ListenPreset("listen-4", EIGHT.subList(0, 4), false),
      new ListenPreset("listen-8", EIGHT, false),
      new ListenPreset("listen-4-heldout", EIGHT.subList(0, 4), true),
      new ListenPreset("listen-8-heldout", EIGHT, true));

  public ListenPreset {
    words = List.copyOf(words);
    if (words.size() < 2 || words.size() > 10) {
      throw new IllegalArgumentException("listen preset " + name + " needs 2 to 10 words; got " + words.size());
    }
  }

  /** The preset named {@code name}; an unknown name lists the known ones. */
  public static ListenPreset of(String name) {
    for (ListenPreset p : ALL) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown listen preset '" + name + "'; known presets: " + names());
  }

  /** The presets' names, the default first. */
  public static List<String> names() {
    return ALL.stream().map(ListenPreset::name).toList();
  }

  /** The preset with the same words whose episodes use the held-out voice combinations. */
  public ListenPreset heldOutTwin() {
    return heldout ? this : of(name + "-heldout");
  }

  /** The (voice, speed) index pairs this preset plays, as {@code v * SPEEDS.size() + s}. */
  public int[] combinations() {
    List<Integer> c = new ArrayList<>();
    for (int v = 0; v < VOICES.size(); v++) {
      for (int s = 0; s < SPEEDS.size(); s++) {
        if (((v + s) % 3 == 0) == heldout) {
          c.add(v * SPEEDS.size() + s);
        }
      }
    }
    return c.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The action byte naming word {@code i}. */
  public static byte action(int i) {
    return (byte) ('0' + i);
  }

  /** The word index of {@code action}, or -1 when it names none of this preset's words. */
  public int word(byte action) {
    int i = action - '0';
    return i >= 0 && i < words.size() ? i : -1;
  }

  /** The action alphabet: one byte per word. */
  public byte[] alphabet() {
    byte[] a = new byte[words.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = action(i);
    }
    return a;
  }
}
