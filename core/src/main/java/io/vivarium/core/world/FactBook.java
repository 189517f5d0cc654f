package io.vivarium.core.world;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Facts a world may look up before its agent answers (seed 004: "how tall is Yul Brynner" is a
 * lookup, not a pattern): values stored under keys, found by exact key first and then by
 * nearness to a query. A colony lends one backed by its shared memory; outside a colony a world
 * gets one of this process. Implementations are thread-safe.
 */
public interface FactBook {
  /** Stores {@code fact}, replacing the fact with the same key. */
  void put(Fact fact);

  /**
   * At most {@code k} facts for a question: the fact stored under exactly {@code key} first (when
   * {@code key} is not empty and such a fact exists), then the facts nearest to {@code query}.
   */
  List<Fact> lookup(String key, String query, int k);

  /**
   * One fact.
   *
   * @param key its key, e.g. {@code freedonia | capital}: 1–256 characters
   * @param value its value, e.g. {@code Fenwick}: 1–1024 UTF-8 bytes
   */
  record Fact(String key, String value) {
    public Fact {
      Objects.requireNonNull(key, "fact key");
      Objects.requireNonNull(value, "fact value");
      if (key.isBlank() || key.length() > 256) {
        throw new IllegalArgumentException("a fact key must be 1-256 characters, not blank; got '" + key + "'");
      }
      int n = value.getBytes(StandardCharsets.UTF_8).length;
      if (n == 0 || n > 1024) {
        throw new IllegalArgumentException("a fact value must be 1-1024 UTF-8 bytes; got " + n + " for key '" + key + "'");
      }
    }
  }

  /** A book that holds nothing and refuses stores: for worlds that never look facts up. */
  static FactBook none() {
    return new FactBook() {
      @Override
      public void put(Fact fact) {
        throw new IllegalStateException("this context lends no fact book; facts cannot be stored here");
      }

      @Override
      public List<Fact> lookup(String key, String query, int k) {
        return List.of();
      }
    };
  }
}
