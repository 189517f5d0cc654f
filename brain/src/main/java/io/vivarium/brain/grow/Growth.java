package io.vivarium.brain.grow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ways a brain can change shape ({@link Growing#apply}). Immutable; thread-safe.
 */
public enum Growth {
  /** Width, heads and MLP ×2 (head width unchanged): outputs unchanged. */
  WIDEN("widen"),
  /** A new block whose output projections are zero, at a seeded position: outputs unchanged. */
  DEEPEN("deepen"),
  /** Removes the block whose skipping changes the final hidden states least: not exact. */
  PRUNE_BLOCK("prune-block"),
  /** One more attention head in every block (random q, k, v; zero projection): outputs unchanged. */
  ADD_HEAD("add-head"),
  /** Half as many MLP hidden units again (random inputs; zero outputs): outputs unchanged. */
  WIDEN_MLP("widen-mlp"),
  /** Removes from every block its head of least effect: not exact. */
  PRUNE_HEAD("prune-head"),
  /** Width, heads and MLP ÷2, WIDEN's pairs merged (its least-squares inverse): exact after a WIDEN. */
  NARROW("narrow"),
  /** Removes a third of every MLP's hidden units, those of least weight-based effect: exact after WIDEN_MLP. */
  PRUNE_MLP("prune-mlp");

  private final String key;

  Growth(String key) {
    this.key = key;
  }

  /** The name used in text: {@code widen}, {@code deepen}, {@code prune-block}. */
  public String key() {
    return key;
  }

  /** Whether this operator makes a brain smaller (a pruning), not larger. */
  public boolean shrinks() {
    return this == PRUNE_BLOCK || this == PRUNE_HEAD || this == NARROW || this == PRUNE_MLP;
  }

  /** Whether this operator weighs parts on probe inputs (the others need none, or read only weights). */
  public boolean readsProbe() {
    return this == PRUNE_BLOCK || this == PRUNE_HEAD;
  }

  /** Reads a {@link #key()}, case-insensitively; an unknown one lists the known keys. */
  public static Growth parse(String text) {
    String k = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Growth g : values()) {
      if (g.key.equals(k)) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown growth '" + text + "'; known: "
        + Arrays.stream(values()).map(Growth::key).collect(Collectors.joining(", ")));
  }
}
