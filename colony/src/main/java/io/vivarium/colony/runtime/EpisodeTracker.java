package io.vivarium.colony.runtime;

import io.vivarium.brain.learn.EpisodeStats;
import io.vivarium.brain.learn.Rollout;
import io.vivarium.colony.registry.EpisodeRecord;
import io.vivarium.core.world.WorldBatch;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows every instance of an agent's world batch step by step and keeps each finished
 * episode as an {@link EpisodeRecord}: the seed and curriculum level it started with, its
 * action bytes, return and outcome, enough to replay it exactly. Also keeps the recent
 * episodes' statistics that make the agent's fitness. Driven by the colony thread; not
 * thread-safe.
 */
final class EpisodeTracker {
  /** How many of instance 0's latest actions {@link #recentActions()} keeps. */
  static final int RECENT = 64;
  private final WorldBatch worlds;
  private final String world;
  private final String preset;
  private final int counted;
  private final ByteArrayOutputStream[] actions;
  private final double[] returns;
  private final long[] seeds;
  private final int[] levels;
  private final List<EpisodeRecord> finished = new ArrayList<>();
  private EpisodeStats stats;
  private boolean seedsKnown;
  private long episodes;
  private final int[] stepsTaken;
  private byte[] lastAction = new byte[0];
  /** Instance 0's latest one-byte actions in its current episode, a ring of {@link #RECENT}. */
  private final byte[] recent = new byte[RECENT];
  private int recentCount;
  private float lastReward;
  private boolean acted;

  EpisodeTracker(WorldBatch worlds, String world, String preset) {
    this(worlds, world, preset, worlds.size());
  }

  /**
   * Follows only the first {@code counted} instances: their episodes are recorded and make the
   * statistics (the others are driven by someone else, e.g. the expert an agent imitates).
   */
  EpisodeTracker(WorldBatch worlds, String world, String preset, int counted) {
    if (counted < 1 || counted > worlds.size()) {
      throw new IllegalArgumentException("followed instances must be between 1 and " + worlds.size()
          + "; got " + counted);
    }
    this.counted = counted;
    this.worlds = worlds;
    this.world = world;
    this.preset = preset;
    int n = counted;
    this.actions = new ByteArrayOutputStream[n];
    this.returns = new double[n];
    this.seeds = new long[n];
    this.levels = new int[n];
    this.stepsTaken = new int[n];
    restart();
  }

  /**
   * Forgets the episodes in progress and starts following the batch's current ones: call after
   * the batch was reset (a new learner resets it). The recent statistics start again.
   */
  void restart() {
    seedsKnown = true;
    recentCount = 0;
    for (int i = 0; i < actions.length; i++) {
      actions[i] = new ByteArrayOutputStream();
      returns[i] = 0;
      stepsTaken[i] = 0;
      seeds[i] = seedOf(i);
      levels[i] = worlds.episodeLevel(i);
    }
    // Fresh statistics: the abandoned episodes' partial returns must not leak into new ones.
    stats = new EpisodeStats(worlds.size(), 100, counted);
  }

  private long seedOf(int i) {
    try {
      return worlds.episodeSeed(i);
    } catch (UnsupportedOperationException e) {
      seedsKnown = false; // this world cannot replay; episodes are counted but not recorded
      return 0;
    }
  }

  /**
   * Takes step {@code t} of {@code r}, just made: its actions and the worlds' answer, read once
   * from the rollout. Episodes of one-byte actions are recorded with their actions (replayable);
   * episodes of byte sequences are counted and recorded without them.
   */
  void afterStep(Rollout r, int t) {
    int n = worlds.size();
    stats.add(r, t);
    lastAction = r.action(t * n);
    lastReward = r.reward(t * n);
    acted = true;
    boolean replayable = r.space().oneByte();
    if (replayable) {
      recent[recentCount++ % RECENT] = lastAction.length == 0 ? 0 : lastAction[0];
      if (recentCount == 2 * RECENT) {
        recentCount = RECENT; // the same ring positions, and no overflow in an endless episode
      }
    }
    if (r.done(t * n)) {
      recentCount = 0;
    }
    for (int i = 0; i < counted; i++) {
      int k = t * n + i;
      if (replayable) {
        actions[i].write(r.action(k), 0, r.action(k).length);
      }
      returns[i] += r.reward(k);
      stepsTaken[i]++;
      if (r.done(k)) {
        episodes++;
        if (seedsKnown) {
          byte[] a = actions[i].toByteArray();
          finished.add(new EpisodeRecord(world, preset, levels[i], seeds[i], stepsTaken[i], returns[i],
              r.terminated(k), a));
        }
        actions[i].reset();
        returns[i] = 0;
        stepsTaken[i] = 0;
        seeds[i] = seedOf(i);
        levels[i] = worlds.episodeLevel(i);
      }
    }
  }

  /** The episodes finished since the last call, oldest first. */
  List<EpisodeRecord> drain() {
    List<EpisodeRecord> out = List.copyOf(finished);
    finished.clear();
    return out;
  }

  /** Episodes finished in the agent's life (see {@link #restore}). */
  long episodes() {
    return episodes;
  }

  /**
   * Continues the counts of an earlier tracker of the same agent (a learner before this one, or
   * a checkpoint's): {@code episodes} finished so far, the most recent with {@code returns} and
   * {@code successes} (oldest first; may be empty). The episodes in progress are this tracker's own.
   */
  void restore(long episodes, double[] returns, boolean[] successes) {
    stats.restore(episodes, returns, successes);
    this.episodes = episodes;
  }

  /** The recent episodes' returns, oldest first. */
  double[] recentReturns() {
    return stats.recentReturns();
  }

  /** The recent episodes' outcomes, oldest first. */
  boolean[] recentSuccesses() {
    return stats.recentSuccesses();
  }

  /** Mean return of the recent episodes, NaN before the first. */
  double meanReturn() {
    return stats.meanReturn();
  }

  /** Success rate of the recent episodes, NaN before the first. */
  double successRate() {
    return stats.successRate();
  }

  /** Instance 0's last action, empty before the first step. */
  byte[] lastAction() {
    return acted ? lastAction.clone() : new byte[0];
  }

  /**
   * Instance 0's latest actions in its current episode, oldest first, at most {@link #RECENT};
   * empty when actions are byte sequences (the agent's text shows those).
   */
  byte[] recentActions() {
    int n = Math.min(recentCount, RECENT);
    byte[] out = new byte[n];
    for (int j = 0; j < n; j++) {
      out[j] = recent[(recentCount - n + j) % RECENT];
    }
    return out;
  }

  /** Instance 0's last reward. */
  float lastReward() {
    return lastReward;
  }
}
