package io.vivarium.core.config;

/**
 * Growth as a mutation (seed 002's network that grows only when it must): how often a child's
 * brain grows or shrinks at birth, by which operators, and the price of size in fitness.
 */
public record GrowthConfig(
    @Doc("Probability that a child's brain grows at birth (one operator of growth.kinds that grows; the"
        + " grown brain computes what its parent's did). 0 = brains keep their founders' shape.")
        @Range(min = 0, max = 1) double probability,
    @Doc("Probability that a child's brain shrinks at birth when it did not grow (one operator of"
        + " growth.kinds that shrinks: a pruning removes the part with the least effect on its outputs, narrow"
        + " halves the width).")
        @Range(min = 0, max = 1) double shrinkProbability,
    @Doc("Operators a child may get, comma-separated. Growing (outputs unchanged at birth): widen (dimension,"
        + " heads and MLP doubled), deepen (a block that starts as the identity), add-head (one more attention"
        + " head in every block), widen-mlp (half as many MLP units again). Shrinking: prune-block, prune-head"
        + " (the part with the least effect goes), prune-mlp (a third of the MLP units, those of least effect),"
        + " narrow (dimension, heads and MLP halved, the pairs widen made merged).")
        @Pattern(value = "(" + OPS + ")(,(" + OPS + "))*",
            rule = "a comma-separated list of widen, deepen, add-head, widen-mlp, prune-block, prune-head,"
                + " prune-mlp, narrow")
        String kinds,
    @Doc("Fitness price of size: fitness = mean return + people's reward − price · (parameters ÷"
        + " growth.reference)^growth.exponent. 0 = size is free.") @Range(min = 0, max = 1000) double price,
    @Doc("Parameters at which a brain pays exactly growth.price.") @Range(min = 1, max = 1e12) long reference,
    @Doc("Exponent of the price: above 1 each added parameter costs more than the one before (the seed's"
        + " regularisation that rises with the model's order).") @Range(min = 0, max = 8) double exponent,
    @Doc("No child grows beyond this many parameters.") @Range(min = 1, max = 1e11) long maxParameters) {

  private static final String OPS = "widen|deepen|add-head|widen-mlp|prune-block|prune-head|prune-mlp|narrow";

  public static GrowthConfig defaults() {
    return new GrowthConfig(0, 0, "widen,deepen,add-head,widen-mlp,prune-block,prune-head,prune-mlp,narrow",
        0.02, 100_000, 1.5, 20_000_000);
  }

  /** The fitness price of a brain of {@code parameters}. */
  public double priceOf(long parameters) {
    return price == 0 ? 0 : price * Math.pow((double) parameters / reference, exponent);
  }
}
