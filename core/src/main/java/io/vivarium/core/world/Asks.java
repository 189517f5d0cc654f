package io.vivarium.core.world;

import java.util.Objects;
import java.util.Optional;

/**
 * People's questions to a colony's text worlds (seed 003's queries): asks typed in the
 * zookeeper, sent with {@code vivarium ask} or published on {@code text:from_parent}, queued by
 * the colony (bounded, and kept across restarts) and taken by the worlds of the agents they
 * are addressed to; a world reports each answer back, which the colony records and publishes on
 * {@code text:to_parent}. Implementations are thread-safe.
 */
public interface Asks {
  /** The oldest pending ask addressed to {@code agent} or to any agent, taken off the queue. */
  Optional<Ask> poll(String agent);

  /** Reports {@code agent}'s {@code answer} to {@code ask}. */
  void answered(Ask ask, String agent, String answer);

  /**
   * One question from a person.
   *
   * @param id the queue's id for it (answers and rewards name it)
   * @param agent the agent it is addressed to, empty for any agent
   * @param text the question, valid UTF-8 of at most the colony's limit
   * @param source who sent it: {@code zoo}, {@code cli}, {@code bus}
   */
  record Ask(long id, String agent, String text, String source) {
    public Ask {
      Objects.requireNonNull(agent, "ask agent");
      Objects.requireNonNull(text, "ask text");
      Objects.requireNonNull(source, "ask source");
    }
  }

  /** No people: nothing is ever pending. */
  static Asks none() {
    return new Asks() {
      @Override
      public Optional<Ask> poll(String agent) {
        return Optional.empty();
      }

      @Override
      public void answered(Ask ask, String agent, String answer) {}
    };
  }
}
