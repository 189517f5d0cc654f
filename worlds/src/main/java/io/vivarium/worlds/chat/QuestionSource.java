package io.vivarium.worlds.chat;

import java.util.List;

/**
 * Where a chat world's questions come from: facts, arithmetic, gold rooms. Each question follows
 * from a seed alone, so a recorded episode's seed asks it again. Implementations are immutable
 * and thread-safe.
 */
public interface QuestionSource {
  /** The question of the episode seeded with {@code seed}. */
  Query ask(long seed);

  /** The facts the world puts into the fact memory (held-out ones included); empty for none. */
  List<ChatFact> memoryFacts();
}
