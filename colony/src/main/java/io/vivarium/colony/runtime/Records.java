package io.vivarium.colony.runtime;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.EpisodeRecord;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.Registry;
import java.util.List;
import java.util.Optional;

/**
 * What the colony runtime reads from and writes to the registry beyond single rows: a turn's
 * episodes in one transaction, votes, and what a resumed agent reads back (no SQL here: the
 * registry owns it). Stateless; thread-safe as
 * the registry is.
 */
final class Records {
  private Records() {}

  /** Writes {@code episodes} of {@code agent} in one transaction. */
  static void addEpisodes(Registry registry, String agent, List<EpisodeRecord> episodes) {
    registry.addEpisodes(agent, episodes);
  }

  /** Records {@code voter}'s vote against {@code agent} (once per voter) and returns the agent's vote count. */
  static long vote(Registry registry, String agent, String voter) {
    return registry.vote(agent, voter);
  }

  /** The registry's row of {@code agent}. */
  static Optional<AgentRow> agent(Registry registry, String agent) {
    return registry.agent(agent);
  }

  /** The JSON of {@code agent}'s birth event, or {@code null}. */
  static String birthJson(Registry registry, String agent) {
    List<String> births = registry.events().json("birth", agent);
    return births.isEmpty() ? null : births.get(births.size() - 1);
  }

  /** The curriculum level of {@code agent}'s latest recorded episode, 1 when it has none. */
  static int lastLevel(Registry registry, String agent) {
    return registry.episodes().newest(agent).map(EpisodeRow::level).orElse(1);
  }

  /** The latest total of people's rewards to {@code agent}, 0 when none. */
  static double humanReward(Registry registry, String agent) {
    return registry.metrics().latest(agent, "human_reward").orElse(0);
  }
}
