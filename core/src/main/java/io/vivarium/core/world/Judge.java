package io.vivarium.core.world;

/**
 * An evaluator (seed 004's RLAIF): asked a yes/no question about an answer to a prompt, it
 * gives the probability of "yes", which worlds may pay as the reward ({@code world.reward=
 * evaluator}). A colony lends one when {@code world.evaluator} names an evaluator brain.
 * Implementations are thread-safe.
 */
public interface Judge {
  /**
   * The probability in [0, 1] that the answer to {@code question} is yes, for {@code answer}
   * given to {@code prompt} (e.g. "Is the passage repaired?", the damaged passage, the repair).
   */
  double yes(String question, String prompt, String answer);

  /** A judge that is not there: asking it is a misuse naming the setting that provides one. */
  static Judge none() {
    return (question, prompt, answer) -> {
      throw new IllegalStateException(
          "no evaluator in this context; set world.evaluator to an evaluator brain file (vivarium train evaluator)");
    };
  }
}
