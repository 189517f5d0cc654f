package io.vivarium.worlds.chat;

import io.vivarium.core.world.Judge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chat world's own {@link Grader} lent as a {@link Judge}, for questions whose answer a source
 * knows: {@code yes(question, prompt, answer)} is the grader's reward of {@code answer} when
 * {@code prompt} is one of the known questions (1 for the right answer, below 0.5 otherwise).
 * What a tree of thought is scored by when no evaluator brain is given. Immutable and thread-safe.
 */
public final class GraderJudge implements Judge {
  private final Map<String, String> expected;

  private GraderJudge(Map<String, String> expected) {
    this.expected = Map.copyOf(expected);
  }

  /** A judge of the questions of {@code queries} that have an expected answer. */
  public static GraderJudge of(List<Query> queries) {
    Map<String, String> m = new HashMap<>();
    for (Query q : queries) {
      if (q.graded()) {
        m.putIfAbsent(q.text().strip(), q.expected());
      }
    }
    return new GraderJudge(m);
  }

  /** A judge of every question {@code facts} can be asked ({@link FactSource#question}). */
  public static GraderJudge ofFacts(List<ChatFact> facts) {
    Map<String, String> m = new HashMap<>();
    for (ChatFact f : facts) {
      m.putIfAbsent(FactSource.question(f), f.value());
    }
    return new GraderJudge(m);
  }

  /** Whether this judge knows the answer to {@code prompt}. */
  public boolean knows(String prompt) {
    return expected.containsKey(prompt.strip());
  }

  /** The expected answer to {@code prompt}. */
  public String expected(String prompt) {
    String e = expected.get(prompt.strip());
    if (e == null) {
      throw new IllegalArgumentException("the chat grader does not know the question '" + prompt
          + "'; ask about one of the built-in facts (in a chat colony's data directory 'vivarium memory facts \"\"'"
          + " lists them) or pass --evaluator FILE");
    }
    return e;
  }

  @Override
  public double yes(String question, String prompt, String answer) {
    Objects.requireNonNull(answer, "answer");
    return Grader.reward(expected(prompt), answer);
  }
}
