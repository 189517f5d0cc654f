package io.vivarium.brain.learn;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.WorldBatch;
import java.util.function.BooleanSupplier;

/** A test's loop: rollouts of {@code steps} steps collected by acting, each handed to a learner. Not thread-safe. */
final class Loop {
  final Collector collector;
  final Learner learner;
  final EpisodeStats episodes;
  private final int steps;
  Stats last = Stats.NONE;
  /** The last rollout collected (null before the first). */
  Rollout rollout;

  Loop(TorchBrain brain, WorldBatch batch, Learner learner, Encoding encoding, int steps, long seed) {
    batch.reset(Seeds.derive(seed, "worlds"), learner.needs().group());
    this.learner = learner;
    this.steps = steps;
    Senses senses = new Senses(batch.spec(), encoding, batch.size());
    this.collector = new Collector(brain, batch, senses, new Actor(ActionSpace.of(batch.spec()), 1.0),
        learner.needs(), Seeds.random(seed, "actions", 0));
    int driven = learner.needs().brainDriven();
    this.episodes = new EpisodeStats(batch.size(), 100, driven == 0 ? batch.size() : driven);
  }

  /** One rollout and one update; returns the update's statistics. */
  Stats iterate(BooleanSupplier stopping) {
    Rollout r = collector.rollout(steps);
    rollout = r;
    for (int t = 0; t < steps; t++) {
      collector.step(r, t);
      episodes.add(r, t);
    }
    if (learner.needs().bootstrap()) {
      collector.finish(r);
    }
    last = learner.update(r, stopping);
    return last;
  }

  Stats iterate() {
    return iterate(() -> false);
  }
}
