package io.vivarium.colony.registry;

import java.util.Objects;
import java.util.Set;

/**
 * A person's request to a running colony, queued in the registry so that any process (the
 * {@code vivarium} CLI, the zookeeper, a bus bridge) can make it and the colony applies it at
 * its next turn boundary.
 *
 * @param id the registry's id (0 before it is stored)
 * @param agent the agent it concerns
 * @param action one of {@link #ACTIONS}
 * @param arg the action's argument: a number for {@code reward}, text for {@code talk}, the
 *     voter's name for {@code vote}, {@code ""} otherwise
 * @param source who asked: {@code cli}, {@code zoo}, {@code bus}, …
 * @param createdMillis when it was asked
 * @param doneMillis when the colony applied (or refused) it, 0 while pending
 * @param result what came of it ({@code ok}, or why not), {@code null} while pending
 */
public record Request(long id, String agent, String action, String arg, String source, long createdMillis,
    long doneMillis, String result) {
  /** The actions a colony understands. */
  public static final Set<String> ACTIONS = Set.of("hibernate", "wake", "kill", "clone", "reward", "talk", "vote");

  public Request {
    AgentRow.checkId(agent);
    if (!ACTIONS.contains(action)) {
      throw new IllegalArgumentException("request action must be one of " + ACTIONS + "; got '" + action + "'");
    }
    Objects.requireNonNull(arg, "arg");
    Objects.requireNonNull(source, "source");
  }

  /** Whether the colony has not applied it yet. */
  public boolean pending() {
    return doneMillis == 0;
  }
}
