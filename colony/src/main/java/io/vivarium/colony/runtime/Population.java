package io.vivarium.colony.runtime;

import io.vivarium.brain.TorchBrain;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.core.Event;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Curriculum;

/**
 * Replication and selection (seed 003, population-based training). After every
 * {@code colony.replicateEvery} episodes an agent whose fitness reaches the
 * {@code colony.replicateQuantile} quantile of the alive agents' has a child: its brain copied,
 * perhaps grown or shrunk ({@link Mutation}, {@code growth.*}), every weight perturbed by
 * Gaussian noise of deviation {@code colony.mutationSigma} and, with {@code colony.perturb}, its
 * learning rate and entropy coefficient each multiplied by 0.8 or 1.2. Above
 * {@code colony.maxAgents} the least fit agent dies, whatever its age. Fitness is the mean
 * return plus people's reward minus the price of the brain's size ({@code growth.price}).
 *
 * <p>A newborn is judged fairly: its fitness is its parent's at its birth (a prior) until it has
 * taken {@code colony.protectTurns} turns and finished episodes of its own; then its own. So it
 * is neither culled at 0 before it played, nor spared while fitter old agents die in its place
 * (the rule before, which let a stream of unproven newborns outlive every founder). Driven by
 * the colony's thread; not thread-safe.
 */
final class Population {
  private final Colony colony;

  Population(Colony colony) {
    this.colony = colony;
  }

  /** {@code a}'s fitness after a turn: its own once it has shown it, its prior before. */
  void judge(LiveAgent a) {
    double own = a.episodes.meanReturn();
    if (!a.fitnessOwn && !Double.isNaN(own) && a.turns >= colony.config.colony().protectTurns()) {
      a.fitnessOwn = true;
    }
    if (a.fitnessOwn && !Double.isNaN(own)) {
      a.fitness = own + a.humanReward - price(a.brain);
    }
    if (!Double.isNaN(a.episodes.successRate())) {
      a.successRate = a.episodes.successRate();
    }
  }

  /** After {@code a}'s turn: a child when it is due and fit, then the cap. */
  void afterTurn(LiveAgent a) {
    replicate(a);
    if (colony.placement.capsHere()) {
      cull();
    }
  }

  private void replicate(LiveAgent a) {
    if (!colony.agents.contains(a) || !a.fitnessOwn) {
      return;
    }
    long episodes = a.episodes.episodes();
    if (episodes - a.episodesAtLastBirth < colony.config.colony().replicateEvery()) {
      return;
    }
    String id = colony.placement.childId(a.id, a.fitness, quantileFitness(colony.config.colony().replicateQuantile()));
    if (id == null) {
      return;
    }
    a.episodesAtLastBirth = episodes;
    birth(a, id, colony.config.colony().mutationSigma(), colony.config.colony().perturb(), "replication");
  }

  /** A person's clone of {@code parent}; false when the population gives no id now. */
  boolean clone(LiveAgent parent) {
    String id = colony.placement.childId(parent.id, parent.fitness, Double.NEGATIVE_INFINITY);
    if (id != null) {
      birth(parent, id, 0, false, "clone");
    }
    return id != null;
  }

  /** Child {@code id} of {@code parent} with weights perturbed by {@code sigma} (0: a clone), born {@code via}. */
  private void birth(LiveAgent parent, String id, double sigma, boolean perturb, String via) {
    long number = Long.parseLong(id.replaceAll("\\D", "0"));
    long seed = Seeds.derive(colony.config.colony().seed(), "mutation", number);
    Mutation.Child made = via.equals("replication")
        ? Mutation.of(parent.brain, colony.config.growth(), sigma, seed, () -> probe(parent))
        : new Mutation.Child(parent.brain.copy(), null); // a person's clone is its parent's exact copy
    TorchBrain brain = made.brain();
    int raised = colony.thinking.raise(brain, Seeds.derive(seed, "conclusions")); // later generations start from them
    if (raised > 0) {
      colony.log.accept(id + " trained on " + raised + " queued conclusions at birth");
    }
    Hparams h = perturb ? parent.hparams.perturbed(Seeds.random(seed, "hparams", 0)) : parent.hparams;
    int level = parent.worlds instanceof Curriculum c ? c.curriculumLevel() : 0;
    LiveAgent child = colony.lifecycle.live(id, parent.id, parent.generation + 1, brain, 0, number, h, false, level);
    // the prior until its own episodes end: the parent's return, at the child's own price of size
    child.fitness = parent.fitness + price(parent.brain) - price(brain);
    colony.registry.putAgent(colony.lifecycle.row(child, AgentState.ALIVE, 0, null));
    colony.event(Event.of("birth", id, new Events.Birth(parent.id, child.generation, sigma, seed, via, h.lr(),
        h.entropy(), brain.parameterCount(), made.growth())));
    colony.lifecycle.checkpoint(child);
    colony.placement.born(colony.host, id);
  }

  /** The fitness price of {@code brain}'s size ({@code growth.price}). */
  private double price(TorchBrain brain) {
    return colony.config.growth().priceOf(brain.shape().parameterCount()); // from the shape: no engine call per turn
  }

  /** What {@code a}'s worlds show now, as its brain reads them: the inputs a pruning weighs parts on. */
  private static java.util.List<io.vivarium.brain.BrainInput> probe(LiveAgent a) {
    java.util.List<io.vivarium.brain.BrainInput> inputs = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(8, a.worlds.size()); i++) {
      inputs.add(a.collector.input(i));
    }
    return inputs;
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
