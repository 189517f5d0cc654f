package io.vivarium.core;

import java.util.Locale;

/**
 * A named modality that bytes travel on, after seed 002's channel names ({@code text},
 * {@code video}, {@code motor}, {@code touch}, …). Each channel has its own marker token in
 * the {@link Vocabulary}, so one sequence can carry several channels.
 */
public enum Channel {
  /** Human-readable text: missions, questions, answers, people talking. */
  TEXT,
  /** Pictures, as raw bytes (symbolic grids) or as image patches. */
  VIDEO,
  /** Actions: the bytes an agent sends to its world. */
  MOTOR,
  /** Rewards, encoded as bytes. */
  REWARD,
  /** Payloads recalled from the shared memory. */
  MEMORY,
  /** Random bytes (seed 000 feeds noise into the context). */
  NOISE,
  /** Machine and world state: counters, load, outcome records. */
  TOUCH;

  /** The lower-case name used in topics, configuration and files, e.g. {@code "text"}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The channel named {@code key} (case-insensitive); an unknown name lists the known ones. */
  public static Channel of(String key) {
    for (Channel c : values()) {
      if (c.key().equalsIgnoreCase(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown channel '" + key + "'; known channels: " + java.util.Arrays.toString(keys()));
  }

  private static String[] keys() {
    Channel[] all = values();
    String[] keys = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      keys[i] = all[i].key();
    }
    return keys;
  }
}
