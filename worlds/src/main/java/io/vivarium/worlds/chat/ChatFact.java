package io.vivarium.worlds.chat;

import io.vivarium.core.world.FactBook;
import java.util.Objects;

/**
 * One fact of a facts source: {@code subject | relation | value}, e.g. {@code Freedonia |
 * capital | Fenwick}. Immutable.
 *
 * @param subject what the fact is about, e.g. {@code Freedonia}
 * @param relation what is told about it, e.g. {@code capital}
 * @param value the answer, e.g. {@code Fenwick}
 */
public record ChatFact(String subject, String relation, String value) {
  public ChatFact {
    Objects.requireNonNull(subject, "fact subject");
    Objects.requireNonNull(relation, "fact relation");
    Objects.requireNonNull(value, "fact value");
    if (subject.isBlank() || relation.isBlank() || value.isBlank()) {
      throw new IllegalArgumentException("a fact needs a subject, a relation and a value, none blank; got '"
          + subject + " | " + relation + " | " + value + "'");
    }
  }

  /** The key the fact is stored under in a fact book: {@code subject | relation}. */
  public String key() {
    return subject + " | " + relation;
  }

  /** This fact as a fact book holds it. */
  public FactBook.Fact asFact() {
    return new FactBook.Fact(key(), value);
  }
}
