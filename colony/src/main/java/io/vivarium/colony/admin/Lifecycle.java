package io.vivarium.colony.admin;

import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.Request;
import io.vivarium.core.Event;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A person's {@code hibernate}, {@code wake} or {@code kill} of one agent. When a colony is
 * running on the data directory ({@link ColonyLock#isHeld}), the change is a request in the
 * registry's queue that the colony applies between turns; this waits for its result. When none
 * is running, the registry is edited directly (the state and an event), and the next
 * {@code vivarium run} starts from it: a hibernating agent is not resumed, a woken one is, a
 * killed one stays dead.
 *
 * <p>Stateless; thread-safe.
 */
public final class Lifecycle {
  private Lifecycle() {}

  /** Which states each action may start from when the registry is edited directly. */
  private static final Map<String, Set<AgentState>> FROM = Map.of(
      "hibernate", Set.of(AgentState.ALIVE),
      "wake", Set.of(AgentState.HIBERNATING, AgentState.FAILED),
      "kill", Set.of(AgentState.ALIVE, AgentState.HIBERNATING, AgentState.FAILED));
  private static final Map<String, AgentState> TO =
      Map.of("hibernate", AgentState.HIBERNATING, "wake", AgentState.ALIVE, "kill", AgentState.DEAD);

  /**
   * What came of a change.
   *
   * @param applied whether the agent's state changed (or the colony reported {@code ok})
   * @param message one line for a person
   * @param viaColony whether a running colony applied it (false: the registry was edited)
   */
  public record Outcome(boolean applied, String message, boolean viaColony) {}

  /** Applies {@code action} ({@code hibernate}, {@code wake} or {@code kill}) to {@code agent}, waiting up to {@code wait}. */
  public static Outcome apply(DataDir dir, String agent, String action, Duration wait) {
    if (!TO.containsKey(action)) {
      throw new IllegalArgumentException("lifecycle action must be one of " + TO.keySet() + "; got '" + action + "'");
    }
    AgentRow.checkId(agent);
    if (!dir.hasColony()) {
      throw new IllegalArgumentException("no colony in " + dir.root() + "; give its directory with --data");
    }
    if (ColonyLock.isHeld(dir)) {
      try (Registry r = Registry.open(dir.registryLocation())) {
        find(r, agent);
        long id = r.addRequest(agent, action, "", "cli");
        return await(r, id, wait);
      }
    }
    try (Registry r = Registry.open(dir.registryLocation())) {
      return edit(dir, r, find(r, agent), action);
    }
  }

  /** The agent's row, or a clear error naming the known ones. */
  static AgentRow find(Registry r, String agent) {
    return r.agent(agent).orElseThrow(() ->
        new IllegalArgumentException("no agent " + agent + " in this colony; 'vivarium agents' lists them"));
  }

  /** Waits for a queued request's result, polling the registry. */
  public static Outcome await(Registry r, long id, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    Request q = r.request(id);
    while (q.pending() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      q = r.request(id);
    }
    if (q.pending()) {
      return new Outcome(false, String.format(Locale.ROOT, "request %d (%s %s) is queued, but the running colony "
          + "has not applied it within %d s; it will when it gets to it ('vivarium agents' shows the state)",
          id, q.action(), q.agent(), wait.toSeconds()), true);
    }
    boolean ok = q.result().equals("ok") || q.result().startsWith("ok");
    return new Outcome(ok, "colony: " + q.action() + " " + q.agent() + ": " + q.result(), true);
  }

  private static Outcome edit(DataDir dir, Registry r, AgentRow a, String action) {
    AgentState to = TO.get(action);
    if (a.state() == to) {
      return new Outcome(false, a.id() + " is already " + to, false);
    }
    if (!FROM.get(action).contains(a.state())) {
      throw new IllegalArgumentException("cannot " + action + " " + a.id() + ": it is " + a.state()
          + " (" + action + " applies to " + String.join(" or ", FROM.get(action).stream().map(AgentState::key).sorted().toList())
          + " agents)");
    }
    if (to == AgentState.ALIVE && dir.checkpoints().latest(a.id(), d -> {}).isEmpty()) {
      throw new IllegalStateException("cannot wake " + a.id() + ": it has no checkpoint that verifies under "
          + dir.checkpoints().root() + " ('vivarium checkpoints " + a.id() + "' lists them)");
    }
    long now = System.currentTimeMillis();
    r.putAgent(a.with(to, to == AgentState.DEAD ? now : 0, a.error()));
    String kind = action.equals("kill") ? "death" : action;
    Object details = action.equals("kill") ? new Killed("request by cli", "cli") : new ByPerson("cli");
    r.addEvent(Event.of(kind, a.id(), details));
    return new Outcome(true, a.id() + " is now " + to + " (no colony is running here; the next 'vivarium run' "
        + (to == AgentState.ALIVE ? "resumes it" : "leaves it " + to) + ")", false);
  }

  /** A person's hibernate or wake event's details. */
  record ByPerson(String source) {}

  /** A person's kill: the {@code death} event's details. */
  record Killed(String reason, String source) {}
}
