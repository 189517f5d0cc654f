package io.vivarium.worlds.repair;

import io.vivarium.core.world.Judge;
import java.util.List;

/**
 * What a repair colony pays for an answer ({@code world.reward}): the normalised edit-distance
 * improvement ({@link Score}, the default, empty name) or the evaluator's probability that the
 * passage is repaired (seed 004's RLAIF, {@code evaluator}). Immutable and thread-safe.
 */
public sealed interface RepairReward {
  /** The question the evaluator is asked about every answer. */
  String QUESTION = "Is the passage repaired?";

  /** The names {@link #parse} knows, for error messages. */
  List<String> NAMES = List.of("(empty: edit-distance improvement)", "evaluator");

  /** The reward of {@code outcome}, the answer to episode {@code e}. */
  double of(Episode e, RepairWorld.Outcome outcome);

  /** The normalised edit-distance improvement, in [−1, 1]. */
  record Improvement() implements RepairReward {
    @Override
    public double of(Episode e, RepairWorld.Outcome outcome) {
      return outcome.score().reward();
    }
  }

  /** The judge's probability in [0, 1] that the answer repairs the damaged passage. */
  record Evaluator(Judge judge) implements RepairReward {
    public Evaluator {
      java.util.Objects.requireNonNull(judge, "judge");
    }

    @Override
    public double of(Episode e, RepairWorld.Outcome outcome) {
      double p = judge.yes(QUESTION, e.corrupted(), outcome.repaired());
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalStateException("the evaluator answered " + p + " to '" + QUESTION
            + "'; a judge's yes must be a probability in [0, 1]");
      }
      return p;
    }
  }

  /**
   * The reward named {@code name} ({@code world.reward}), asking {@code judge} when it is
   * {@code evaluator}; another name is refused with the known ones.
   */
  static RepairReward parse(String name, Judge judge) {
    return switch (name) {
      case "" -> new Improvement();
      case "evaluator" -> new Evaluator(judge);
      default -> throw new IllegalArgumentException("world.reward=" + name + ": the repair world pays one of "
          + NAMES + "; leave it empty or set world.reward=evaluator (with world.evaluator)");
    };
  }
}
