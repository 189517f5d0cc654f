package io.vivarium.worlds.chat;

import java.util.Objects;

/**
 * One question put to an agent. Immutable.
 *
 * @param text the question, e.g. {@code What is the capital of Freedonia?}
 * @param key the fact book key to look up first ({@code subject | relation} for facts), empty for none
 * @param expected the right answer, empty when nothing grades it (a person's question)
 * @param source where it came from: {@code facts}, {@code arith}, {@code gold} or {@code ask}
 */
public record Query(String text, String key, String expected, String source) {
  public Query {
    Objects.requireNonNull(text, "query text");
    Objects.requireNonNull(key, "query key");
    Objects.requireNonNull(expected, "query expected answer");
    Objects.requireNonNull(source, "query source");
  }

  /** Whether a grader knows the answer. */
  public boolean graded() {
    return !expected.isEmpty();
  }
}
