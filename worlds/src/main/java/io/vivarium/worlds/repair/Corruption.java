package io.vivarium.worlds.repair;

import java.util.Objects;

/**
 * One applied corruption: the operation, the text after it, and its diagnosis line. Immutable
 * and thread-safe.
 *
 * @param diagnosis e.g. {@code duplicate_word: Word was duplicated near word index 23.}
 */
public record Corruption(Operation operation, String text, String diagnosis) {
  public Corruption {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(diagnosis, "diagnosis");
  }
}
