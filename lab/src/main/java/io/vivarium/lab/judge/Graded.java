package io.vivarium.lab.judge;

import io.vivarium.brain.judge.BrainJudge;
import java.util.Objects;

/**
 * One answer with the grader's verdict on a yes/no question about it. Immutable and thread-safe.
 *
 * @param question the yes/no question, e.g. {@code Is the passage repaired?}
 * @param prompt what the answer answers (the damaged passage, the question with its facts)
 * @param answer the answer judged
 * @param yes the grader's verdict
 * @param kind how the answer was made, e.g. {@code clean}, {@code partial}, {@code heuristic}
 */
public record Graded(String question, String prompt, String answer, boolean yes, String kind) {
  public Graded {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(answer, "answer");
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("a graded answer needs the kind of answer it is; got '" + kind + "'");
    }
  }

  /** The question as the evaluator is asked it. */
  public BrainJudge.Asked asked() {
    return new BrainJudge.Asked(question, prompt, answer);
  }
}
