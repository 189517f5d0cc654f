package io.vivarium.core.world;

import io.vivarium.core.config.WorldConfig;
import java.util.Objects;

/**
 * What a colony lends the worlds it makes: the world's configuration (the reward, world-specific
 * settings such as {@code world.exec}), the colony's shared byte counts, the agent the batch
 * belongs to, the fact book, the evaluator and people's questions. A world reads what concerns
 * it and ignores the rest. Immutable; the parts it holds are thread-safe.
 *
 * @param config the world's configuration
 * @param counts the colony-wide byte counts (seed 000's shared distribution)
 * @param agent the id of the agent whose batch this is, empty outside a colony or before birth
 * @param facts facts worlds may look up (seed 004's fact memory)
 * @param judge the evaluator worlds may ask for a reward (seed 004's RLAIF)
 * @param asks people's questions to text worlds (seed 003)
 * @param recordings people's recordings to listening worlds (seed 002's {@code audio:from_parent})
 */
public record WorldContext(WorldConfig config, ColonyCounts counts, String agent, FactBook facts, Judge judge,
    Asks asks, Recordings recordings) {
  public WorldContext {
    Objects.requireNonNull(config, "world config");
    Objects.requireNonNull(counts, "colony counts");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(facts, "fact book");
    Objects.requireNonNull(judge, "judge");
    Objects.requireNonNull(asks, "asks");
    Objects.requireNonNull(recordings, "recordings");
  }

  /** A context without people's recordings. */
  public WorldContext(WorldConfig config, ColonyCounts counts, String agent, FactBook facts, Judge judge, Asks asks) {
    this(config, counts, agent, facts, judge, asks, Recordings.none());
  }

  /** A context of {@code config} and {@code counts} with no agent, facts, evaluator or people. */
  public WorldContext(WorldConfig config, ColonyCounts counts) {
    this(config, counts, "", FactBook.none(), Judge.none(), Asks.none());
  }

  /**
   * The defaults, with counts and a fact book ({@link LocalFactBook}) of this process only: what a
   * world gets outside a colony.
   */
  public static WorldContext standalone() {
    return new WorldContext(WorldConfig.defaults(), ColonyCounts.local()).withFacts(new LocalFactBook());
  }

  /** This context lent to {@code agentId}'s batch. */
  public WorldContext forAgent(String agentId) {
    return new WorldContext(config, counts, agentId, facts, judge, asks, recordings);
  }

  /** This context with {@code book} as its fact book. */
  public WorldContext withFacts(FactBook book) {
    return new WorldContext(config, counts, agent, book, judge, asks, recordings);
  }

  /** This context with {@code evaluator} as its judge. */
  public WorldContext withJudge(Judge evaluator) {
    return new WorldContext(config, counts, agent, facts, evaluator, asks, recordings);
  }

  /** This context with {@code people} as its asks. */
  public WorldContext withAsks(Asks people) {
    return new WorldContext(config, counts, agent, facts, judge, people, recordings);
  }

  /** This context with {@code people} as its recordings. */
  public WorldContext withRecordings(Recordings people) {
    return new WorldContext(config, counts, agent, facts, judge, asks, people);
  }
}
