package io.vivarium.colony.runtime;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.grow.Growing;
import io.vivarium.brain.grow.Grown;
import io.vivarium.brain.grow.Growth;
import io.vivarium.brain.model.Weights;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.GrowthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A child's brain at birth (seeds 002 and 003): the parent's copied, perhaps grown or shrunk by
 * one operator of {@code growth.kinds} ({@code growth.probability}, {@code
 * growth.shrinkProbability}), then every weight perturbed by {@code colony.mutationSigma}. The
 * choices are drawn from the child's mutation seed, so a seed gives the same child. Stateless.
 */
final class Mutation {
  private Mutation() {}

  /** The child's brain and how it grew ({@code null} when it kept its parent's shape). */
  record Child(TorchBrain brain, String growth) {}

  /**
   * {@code parent}'s child; {@code probe} gives the inputs a pruning measures each part's effect
   * on (the parent's current observations), asked only when the child shrinks.
   */
  static Child of(TorchBrain parent, GrowthConfig g, double sigma, long seed, Supplier<List<BrainInput>> probe) {
    Growth op = choose(parent, g, Seeds.random(seed, "growth", 0));
    Grown grown = null;
    if (op != null) {
      long opSeed = Seeds.derive(seed, "growth-operator");
      grown = op.shrinks()
          ? Growing.prune(parent, op, op.readsProbe() ? probe.get() : List.of(), opSeed)
          : Growing.apply(parent.shape(), parent.infer(Weights::toArrays), op, opSeed);
      if (grown.count() > g.maxParameters()) {
        grown = null; // past growth.maxParameters: the child keeps its parent's shape
      }
    }
    TorchBrain brain = grown == null ? parent.copy() : TorchBrain.of(grown.shape(), grown.weights());
    if (grown != null) {
      parent.trainedFor().ifPresent(brain::setTrainedFor);
    }
    String how = grown == null ? null : op.key() + ": " + grown.description();
    if (sigma > 0) {
      brain.mutate(sigma, seed);
    }
    return new Child(brain, how);
  }

  /** The operator a child gets, or null: grow with the first probability, else shrink with the second. */
  static Growth choose(TorchBrain parent, GrowthConfig g, SplittableRandom rng) {
    boolean grow = rng.nextDouble() < g.probability();
    boolean shrink = !grow && rng.nextDouble() < g.shrinkProbability();
    if (!grow && !shrink) {
      return null;
    }
    List<Growth> fit = new ArrayList<>();
    for (String key : g.kinds().split(",")) {
      Growth op = Growth.parse(key);
      if (op.shrinks() == shrink && Growing.applies(parent.shape(), op)) {
        fit.add(op);
      }
    }
    return fit.isEmpty() ? null : fit.get(rng.nextInt(fit.size()));
  }
}
