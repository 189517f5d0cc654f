package io.vivarium.colony.registry;

import java.util.Objects;

/**
 * One agent's answer to an ask (table {@code ask_answers}); an ask addressed to every agent
 * has one per agent that answered. Immutable.
 *
 * @param ask the ask's id
 * @param agent who answered
 * @param answer the answer text
 * @param timeMillis when
 * @param reward the people's rewards (thumbs) this answer got, summed
 */
public record AskAnswer(long ask, String agent, String answer, long timeMillis, double reward) {
  public AskAnswer {
    Objects.requireNonNull(agent, "answer agent");
    Objects.requireNonNull(answer, "answer");
  }
}
