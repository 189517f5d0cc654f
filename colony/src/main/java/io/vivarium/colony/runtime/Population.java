package io.vivarium.colony.runtime;

import io.vivarium.brain.TorchBrain;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.core.Event;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Curriculum;
import java.util.Locale;

/**
 * Replication and selection (seed 003, population-based training). After every
 * {@code colony.replicateEvery} episodes an agent whose fitness reaches the
 * {@code colony.replicateQuantile} quantile of the alive agents' has a child: its brain copied,
 * every weight perturbed by Gaussian noise of deviation {@code colony.mutationSigma} and, with
 * {@code colony.perturb}, its learning rate and entropy coefficient each multiplied by 0.8 or
 * 1.2. Above {@code colony.maxAgents} the least fit agent dies, whatever its age.
 *
 * <p>A newborn is judged fairly: its fitness is its parent's at its birth (a prior) until it has
 * taken {@code colony.protectTurns} turns and finished episodes of its own; then its own. So it
 * is neither culled at 0 before it played, nor spared while fitter old agents die in its place
 * (the rule before, which let a stream of unproven newborns outlive every founder). Driven by
 * the colony's thread; not thread-safe.
 */
final class Population {
  private final Colony colony;
  private int lastId;

  Population(Colony colony) {
    this.colony = colony;
  }

  /** Keeps ids unique across restarts: {@code id} is in use. */
  void noteId(int id) {
    lastId = Math.max(lastId, id);
  }

  /** The next agent id, {@code a0001} on. */
  String nextId() {
    lastId++;
    return String.format(Locale.ROOT, "a%04d", lastId);
  }

  /** {@code a}'s fitness after a turn: its own once it has shown it, its prior before. */
  void judge(LiveAgent a) {
    double own = a.episodes.meanReturn();
    if (!a.fitnessOwn && !Double.isNaN(own) && a.turns >= colony.config.colony().protectTurns()) {
      a.fitnessOwn = true;
    }
    if (a.fitnessOwn && !Double.isNaN(own)) {
      a.fitness = own + a.humanReward;
    }
    if (!Double.isNaN(a.episodes.successRate())) {
      a.successRate = a.episodes.successRate();
    }
  }

  /** After {@code a}'s turn: a child when it is due and fit, then the cap. */
  void afterTurn(LiveAgent a) {
    replicate(a);
    cull();
  }

  private void replicate(LiveAgent a) {
    if (!colony.agents.contains(a) || !a.fitnessOwn) {
      return;
    }
    long episodes = a.episodes.episodes();
    if (episodes - a.episodesAtLastBirth < colony.config.colony().replicateEvery()
        || a.fitness < quantileFitness(colony.config.colony().replicateQuantile())) {
      return;
    }
    a.episodesAtLastBirth = episodes;
    birth(a, colony.config.colony().mutationSigma(), colony.config.colony().perturb(), "replication");
  }

  /** A child of {@code parent} with weights perturbed by {@code sigma} (0: a clone), born {@code via}. */
  void birth(LiveAgent parent, double sigma, boolean perturb, String via) {
    String id = nextId();
    long seed = Seeds.derive(colony.config.colony().seed(), "mutation", lastId);
    TorchBrain brain = parent.brain.copy();
    if (sigma > 0) {
      brain.mutate(sigma, seed);
    }
    Hparams h = perturb ? parent.hparams.perturbed(Seeds.random(seed, "hparams", 0)) : parent.hparams;
    int level = parent.worlds instanceof Curriculum c ? c.curriculumLevel() : 0;
    LiveAgent child = colony.lifecycle.live(id, parent.id, parent.generation + 1, brain, 0, lastId, h, false, level);
    child.fitness = parent.fitness; // the prior until its own episodes end
    colony.registry.putAgent(colony.lifecycle.row(child, AgentState.ALIVE, 0, null));
    colony.event(Event.of("birth", id, new Events.Birth(parent.id, child.generation, sigma, seed, via, h.lr(),
        h.entropy())));
    colony.lifecycle.checkpoint(child);
  }

  private void cull() {
    while (colony.agents.size() > colony.config.colony().maxAgents()) {
      LiveAgent worst = null;
      for (LiveAgent a : colony.agents) {
        if (worst == null || a.fitness < worst.fitness) {
          worst = a;
        }
      }
      colony.lifecycle.kill(worst, "population cap");
    }
  }

  /** The {@code q} quantile (nearest rank) of the alive agents' fitness. */
  private double quantileFitness(double q) {
    double[] f = colony.agents.stream().mapToDouble(x -> x.fitness).sorted().toArray();
    int k = (int) Math.ceil(q * f.length) - 1;
    return f[Math.max(0, Math.min(f.length - 1, k))];
  }
}
