package io.vivarium.brain.learn;

import io.vivarium.brain.BrainInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GRPO's bookkeeping across rollouts: each instance's current episode, step by step, until it
 * ends; then its return waits beside the same-numbered episodes of the other members of its
 * group (consecutive instances in groups of G, whose k-th episodes start alike when the batch
 * was reset by groups). When all G have finished their k-th episode, every step of each gets
 * the episode's group-relative advantage (of its return plus an optional {@link Bonus}) and is
 * ready to learn from. Not thread-safe.
 */
final class EpisodeGroups {
  /** One step an agent took: what it saw, what it did and how likely that was. */
  record Sample(BrainInput input, int choice, int[] tokens, float[] tokenLogp, float logp, float advantage) {}

  /** The finished k-th episodes of one group, until all its members have one. */
  private static final class Pending {
    final float[] returns;
    final List<List<Sample>> steps;
    int done;

    Pending(int group) {
      returns = new float[group];
      steps = new ArrayList<>();
      for (int j = 0; j < group; j++) {
        steps.add(List.of());
      }
    }
  }

  private final int group;
  private final List<List<Sample>> current = new ArrayList<>();
  private final float[] running;
  private final long[] episode;
  private final Map<Long, Pending> pending = new HashMap<>();

  EpisodeGroups(int instances, int group) {
    this.group = group;
    this.running = new float[instances];
    this.episode = new long[instances];
    for (int i = 0; i < instances; i++) {
      current.add(new ArrayList<>());
    }
  }

  /** Extra return for each finished episode, before its group's advantages are computed. */
  @FunctionalInterface
  interface Bonus {
    /** One value per episode of {@code episodes} (each its steps, groups' members in order). */
    float[] of(List<List<Sample>> episodes);
  }

  /** Takes a full rollout; returns the steps of every group episode it completed, with their advantages. */
  List<Sample> add(Rollout r) {
    return add(r, null);
  }

  /** As {@link #add(Rollout)}, with {@code bonus} (null = none) added to the completed episodes' returns. */
  List<Sample> add(Rollout r, Bonus bonus) {
    int n = r.envs();
    List<Pending> complete = new ArrayList<>();
    for (int t = 0; t < r.steps(); t++) {
      for (int i = 0; i < n; i++) {
        int k = t * n + i;
        current.get(i).add(new Sample(r.input(k), r.choice(k), r.tokens(k), r.tokenLogp(k), r.logp(k), 0));
        running[i] += r.reward(k);
        if (r.done(k)) {
          finish(i, complete);
        }
      }
    }
    float[] extra = null;
    if (bonus != null && !complete.isEmpty()) {
      List<List<Sample>> episodes = new ArrayList<>();
      complete.forEach(p -> episodes.addAll(p.steps));
      extra = bonus.of(episodes);
    }
    List<Sample> ready = new ArrayList<>();
    for (int c = 0; c < complete.size(); c++) {
      Pending p = complete.get(c);
      for (int j = 0; extra != null && j < group; j++) {
        p.returns[j] += extra[c * group + j];
      }
      float[] adv = Advantages.groupRelative(p.returns, group, 1e-6f);
      for (int j = 0; j < group; j++) {
        for (Sample s : p.steps.get(j)) {
          ready.add(new Sample(s.input(), s.choice(), s.tokens(), s.tokenLogp(), s.logp(), adv[j]));
        }
      }
    }
    return ready;
  }

  private void finish(int i, List<Pending> complete) {
    long key = (long) (i / group) << 40 | episode[i];
    Pending p = pending.computeIfAbsent(key, x -> new Pending(group));
    p.returns[i % group] = running[i];
    p.steps.set(i % group, current.get(i));
    p.done++;
    current.set(i, new ArrayList<>());
    running[i] = 0;
    episode[i]++;
    if (p.done == group) {
      pending.remove(key);
      complete.add(p);
    }
  }
}
