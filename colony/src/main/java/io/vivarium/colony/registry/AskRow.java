package io.vivarium.colony.registry;

import java.util.Objects;
import java.util.Set;

/**
 * A person's question to the colony as the registry keeps it (table {@code asks}). Immutable.
 *
 * @param id the registry's id, increasing
 * @param agent the agent it is addressed to: an agent id, {@code ""} for any agent, {@code "*"}
 *     for every live agent (a consensus)
 * @param text the question
 * @param source who asked: {@code cli}, {@code zoo}, {@code bus}
 * @param createdMillis when it was asked
 * @param state one of {@link #STATES}
 * @param answeredBy the agent whose answer came first, {@code ""} before any
 * @param answer that first answer, {@code ""} before any
 * @param answeredMillis when it came, 0 before
 * @param reward the people's rewards (thumbs) given to its answers, summed
 * @param reason why it was dropped or refused, {@code ""} otherwise
 */
public record AskRow(long id, String agent, String text, String source, long createdMillis, String state,
    String answeredBy, String answer, long answeredMillis, double reward, String reason) {
  /** An ask's states: waiting, answered (at least once), dropped (queue full), refused. */
  public static final Set<String> STATES = Set.of("pending", "answered", "dropped", "refused");
  /** The agent field of an ask any one agent may answer. */
  public static final String ANY = "";
  /** The agent field of an ask every live agent answers (a consensus). */
  public static final String EVERY = "*";

  public AskRow {
    Objects.requireNonNull(agent, "ask agent");
    Objects.requireNonNull(text, "ask text");
    Objects.requireNonNull(source, "ask source");
    if (!STATES.contains(state)) {
      throw new IllegalArgumentException("ask state must be one of " + STATES + "; got '" + state + "'");
    }
    Objects.requireNonNull(answeredBy, "answeredBy");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether no agent has answered it and it was neither dropped nor refused. */
  public boolean pending() {
    return state.equals("pending");
  }

  /** Whether every live agent is to answer it. */
  public boolean everyone() {
    return agent.equals(EVERY);
  }
}
