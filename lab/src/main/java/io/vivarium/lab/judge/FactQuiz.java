package io.vivarium.lab.judge;

import java.util.List;
import java.util.Objects;

/**
 * Fact questions as a chat world asks them: the facts ({@code subject | relation | value}) and
 * the prompt an agent sees for one of them (the question, with whatever facts it is shown). The
 * chat world implements this to train its evaluator; {@link FactLines} is a plain one.
 * Implementations are immutable and thread-safe.
 */
public interface FactQuiz {
  /**
   * One fact.
   *
   * @param subject e.g. {@code Yul Brynner}
   * @param relation e.g. {@code height}
   * @param value e.g. {@code 168 cm}
   */
  record Fact(String subject, String relation, String value) {
    public Fact {
      for (String[] f : new String[][] {{"subject", subject}, {"relation", relation}, {"value", value}}) {
        Objects.requireNonNull(f[1], f[0]);
        if (f[1].isBlank() || f[1].contains("|") || f[1].contains("\n")) {
          throw new IllegalArgumentException("a fact's " + f[0] + " must be non-blank text without '|' or a line"
              + " break; got '" + f[1] + "'");
        }
      }
    }
  }

  /** The facts asked about in training. */
  List<Fact> training();

  /** The facts held out of training, asked about when agreement is measured. */
  List<Fact> heldOut();

  /** The prompt an agent sees when asked for {@code fact}. */
  String prompt(Fact fact);
}
