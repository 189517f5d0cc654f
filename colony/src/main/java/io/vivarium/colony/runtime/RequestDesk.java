package io.vivarium.colony.runtime;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Request;
import io.vivarium.core.Event;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies people's {@link Request requests} to a {@link Colony} at its turn boundaries: each
 * pending request is carried out through the colony's lifecycle methods, or refused with a
 * one-line reason, and its result is written back to the registry. Driven by the colony's
 * thread; not thread-safe.
 */
final class RequestDesk {
  private static final Logger log = LoggerFactory.getLogger(RequestDesk.class);
  private final Colony colony;

  RequestDesk(Colony colony) {
    this.colony = colony;
  }

  /** Applies every pending request, oldest first, and records each one's result. */
  void applyPending() {
    for (Request r : colony.registry.pendingRequests()) {
      Optional<AgentRow> row = Records.agent(colony.registry, r.agent());
      boolean here = colony.find(r.agent()) != null;
      if (!colony.placement.takes(here, row.map(AgentRow::state).orElse(AgentState.DEAD))) {
        continue; // another node of the cluster answers it
      }
      String result;
      try {
        result = apply(r, row);
      } catch (RuntimeException e) {
        log.warn("request {} failed", r.id(), e);
        result = "failed: " + Text.oneLine(e.getMessage());
      }
      colony.registry.finishRequest(r.id(), result);
    }
  }

  private String apply(Request r, Optional<AgentRow> row) {
    if (row.isEmpty()) {
      return "unknown agent " + r.agent();
    }
    AgentRow known = row.get();
    LiveAgent a = colony.find(r.agent());
    AgentState state = a != null ? AgentState.ALIVE : known.state();
    if (a == null && !r.action().equals("wake") && !r.action().equals("kill") && !r.action().equals("vote")) {
      return "cannot " + r.action() + " " + r.agent() + ": it is " + state;
    }
    switch (r.action()) {
      case "hibernate" -> colony.lifecycle.hibernate(a);
      case "wake" -> {
        if (state != AgentState.HIBERNATING && state != AgentState.FAILED) {
          return "cannot wake " + r.agent() + ": it is " + state;
        }
        if (colony.placement.wakesHere()) {
          colony.lifecycle.wake(known);
        } else {
          colony.lifecycle.markAwake(known);
        }
      }
      case "kill" -> {
        if (state == AgentState.DEAD) {
          return "cannot kill " + r.agent() + ": it is already dead";
        }
        killAny(a, known, "request by " + r.source());
      }
      case "clone" -> {
        if (!colony.population.clone(a)) {
          return "cannot clone " + r.agent() + " now: the population gives no new id (try again)";
        }
      }
      case "reward" -> reward(a, Requests.reward(r.arg()), r.source());
      case "talk" -> {
        a.textIn = r.arg();
        colony.frames.put(colony.frame(a, false));
        colony.event(Event.of("talk", a.id, new Talk(r.arg(), r.source())));
      }
      case "vote" -> {
        return vote(a, known, r.arg());
      }
      default -> {
        return "unknown action " + r.action();
      }
    }
    return "ok";
  }

  private void killAny(LiveAgent a, AgentRow known, String reason) {
    if (a != null) {
      colony.lifecycle.kill(a, reason);
    } else {
      colony.lifecycle.kill(known, reason);
    }
  }

  private String vote(LiveAgent a, AgentRow known, String voter) {
    if (known.state() == AgentState.DEAD) {
      return "cannot vote against " + known.id() + ": it is already dead";
    }
    long votes = Records.vote(colony.registry, known.id(), voter.trim());
    int threshold = colony.config.colony().voteThreshold();
    colony.event(Event.of("vote", known.id(), new Vote(voter.trim(), votes, threshold)));
    if (votes >= threshold) {
      killAny(a, known, "vote");
    }
    return "ok";
  }

  private void reward(LiveAgent a, double reward, String source) {
    a.humanReward += reward;
    a.fitness += reward;
    colony.registry.addMetric(a.id, a.envSteps, "human_reward", a.humanReward);
    colony.event(Event.of("reward", a.id, new Reward(reward, a.humanReward, source)));
  }

  /** A {@code talk} event's details. */
  record Talk(String text, String source) {}

  /** A {@code vote} event's details. */
  record Vote(String voter, long votes, int threshold) {}

  /** A {@code reward} event's details: this reward and the agent's running total. */
  record Reward(double reward, double total, String source) {}
}
