package io.vivarium.lab.think;

import io.vivarium.core.world.Judge;
import io.vivarium.worlds.chat.GraderJudge;
import io.vivarium.worlds.chat.InventedFacts;
import io.vivarium.worlds.repair.RepairReward;

/**
 * The judge a tree is scored by when no evaluator brain is given: the chat world's own grader over
 * the built-in facts (a real component: 1 for the right answer, a partial score below 0.5
 * otherwise). Stateless.
 */
public final class ThinkJudges {
  /** What trees scored by the grader name their judge. */
  public static final String GRADER = "chat grader";

  private ThinkJudges() {}

  /** The chat grader of the built-in fact questions, when it knows {@code question}; else a clear error. */
  public static Judge grader(String question) {
    GraderJudge grader = GraderJudge.ofFacts(InventedFacts.all());
    grader.expected(question);
    return grader;
  }

  /**
   * The yes/no question an evaluator of {@code world}'s answers was trained on (docs/evaluator.md):
   * "Is the passage repaired?" for {@code repair} (a tree then repairs the query, a damaged
   * passage), the fact question for {@code chat} and every other world.
   */
  public static String question(String world) {
    return "repair".equals(world) ? RepairReward.QUESTION : Thinker.QUESTION;
  }

  /** Whether the chat grader knows the answer to {@code question}. */
  public static boolean graderKnows(String question) {
    return GraderJudge.ofFacts(InventedFacts.all()).knows(question);
  }
}
