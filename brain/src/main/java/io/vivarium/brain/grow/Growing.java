package io.vivarium.brain.grow;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.model.Weights;
import java.util.List;
import java.util.Map;

/**
 * Grows or shrinks a brain ({@link Growth}): WIDEN and DEEPEN keep every output (logits, value,
 * patches) unchanged at the moment of growth; PRUNE_BLOCK removes the block with the least
 * effect on probe inputs and is not function-preserving. {@link #optimizerState} maps an AdamW
 * state to the new shape. The same seed makes the same choices in every method. Inputs are
 * never modified. Stateless; thread-safe.
 */
public final class Growing {
  private Growing() {}

  /** The grown weights; the input untouched. {@code seed} picks random choices. */
  public static Grown apply(BrainShape shape, Map<String, float[]> weights, Growth g, long seed) {
    check(shape, g);
    return switch (g) {
      case WIDEN -> new Grown(Widen.shape(shape), Widen.weights(shape, weights),
          "widened dim " + shape.dim() + " → " + 2 * shape.dim() + ", heads " + shape.heads()
              + " → " + 2 * shape.heads());
      case DEEPEN -> {
        int at = Blocks.position(shape, seed);
        yield new Grown(deeper(shape), Blocks.insert(shape, weights, at, seed),
            "inserted block " + at + " (layers " + shape.layers() + " → " + (shape.layers() + 1) + ")");
      }
      case PRUNE_BLOCK -> {
        try (TorchBrain brain = TorchBrain.of(shape, weights)) {
          yield prune(brain, Pruning.probe(shape, seed), seed);
        }
      }
    };
  }

  /** Convenience: a new brain ({@code trainedFor} carried over); the original brain untouched. */
  public static TorchBrain apply(TorchBrain brain, Growth g, long seed) {
    Grown grown = g == Growth.PRUNE_BLOCK
        ? prune(brain, Pruning.probe(brain.shape(), seed), seed)
        : apply(brain.shape(), brain.infer(Weights::toArrays), g, seed);
    TorchBrain out = TorchBrain.of(grown.shape(), grown.weights());
    brain.trainedFor().ifPresent(out::setTrainedFor);
    return out;
  }

  /**
   * The brain without its block of least effect: for each block, the mean relative change of
   * the final hidden states over {@code probe} when that block is skipped; the smallest goes
   * (ties: the seed picks). Not function-preserving, except for a block that adds nothing.
   */
  public static Grown prune(TorchBrain brain, List<BrainInput> probe, long seed) {
    BrainShape shape = brain.shape();
    check(shape, Growth.PRUNE_BLOCK);
    double[] effect = Pruning.effects(brain, probe);
    int at = Pruning.weakest(effect, seed);
    return new Grown(shallower(shape), Blocks.remove(shape, brain.infer(Weights::toArrays), at),
        String.format(java.util.Locale.ROOT, "pruned block %d of %d (effect %.3g)", at,
            shape.layers(), effect[at]));
  }

  /** Which block {@link #prune} removes for {@code probe} and {@code seed}. */
  public static int weakestBlock(TorchBrain brain, List<BrainInput> probe, long seed) {
    check(brain.shape(), Growth.PRUNE_BLOCK);
    return Pruning.weakest(Pruning.effects(brain, probe), seed);
  }

  /**
   * Maps an AdamW state ({@code AdamW.exportState()} bytes) of a brain of shape {@code from} to
   * the grown one, the step counter kept. WIDEN: moments copied as the weights, first × r and
   * second × r² (r = 1/2, or 1 for {@code lnf.g}, {@code lnf.b}, {@code value.b},
   * {@code unpatch.b}: the ratio of the grown gradient to the original's). DEEPEN: moments
   * renamed, the new block's zero. PRUNE_BLOCK depends on the weights: use
   * {@link #optimizerState(TorchBrain, Growth, long, byte[])} or {@link #withoutBlock}.
   */
  public static byte[] optimizerState(BrainShape from, Growth g, long seed, byte[] state) {
    check(from, g);
    AdamState s = AdamState.read(from, state);
    return switch (g) {
      case WIDEN -> new AdamState(s.steps(), Widen.map(from, s.first(), Widen.Kind.FIRST),
          Widen.map(from, s.second(), Widen.Kind.SECOND)).write(Widen.shape(from));
      case DEEPEN -> {
        int at = Blocks.position(from, seed);
        yield new AdamState(s.steps(), Blocks.insert(from, s.first(), at, null),
            Blocks.insert(from, s.second(), at, null)).write(deeper(from));
      }
      case PRUNE_BLOCK -> throw new IllegalArgumentException("the block PRUNE_BLOCK removes depends on the"
          + " brain's weights, not only its shape; use optimizerState(brain, PRUNE_BLOCK, seed, state)"
          + " or withoutBlock(shape, block, state)");
    };
  }

  /** {@link #optimizerState(BrainShape, Growth, long, byte[])} for {@code brain}'s shape, PRUNE_BLOCK included. */
  public static byte[] optimizerState(TorchBrain brain, Growth g, long seed, byte[] state) {
    if (g != Growth.PRUNE_BLOCK) {
      return optimizerState(brain.shape(), g, seed, state);
    }
    return withoutBlock(brain.shape(), weakestBlock(brain, Pruning.probe(brain.shape(), seed), seed), state);
  }

  /** An AdamW state of shape {@code from} without block {@code block}'s moments. */
  public static byte[] withoutBlock(BrainShape from, int block, byte[] state) {
    check(from, Growth.PRUNE_BLOCK);
    if (block < 0 || block >= from.layers()) {
      throw new IllegalArgumentException("block to remove must be between 0 and " + (from.layers() - 1)
          + "; got " + block);
    }
    AdamState s = AdamState.read(from, state);
    return new AdamState(s.steps(), Blocks.remove(from, s.first(), block),
        Blocks.remove(from, s.second(), block)).write(shallower(from));
  }

  /** Whether {@code g} can apply to {@code shape}: within BrainShape's limits, pruning 2+ layers. */
  public static boolean applies(BrainShape shape, Growth g) {
    return refusal(shape, g) == null;
  }

  private static void check(BrainShape shape, Growth g) {
    String why = refusal(shape, g);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
  }

  /** Why {@code g} cannot apply to {@code shape}, or null. */
  private static String refusal(BrainShape shape, Growth g) {
    return switch (g) {
      case WIDEN -> 2 * shape.dim() > BrainShape.MAX_DIM
          ? "cannot widen a brain of dim " + shape.dim() + ": dim " + 2 * shape.dim()
              + " would exceed the limit " + BrainShape.MAX_DIM + " (deepen it instead)"
          : 2 * shape.heads() > BrainShape.MAX_HEADS
              ? "cannot widen a brain of " + shape.heads() + " heads: " + 2 * shape.heads()
                  + " heads would exceed the limit " + BrainShape.MAX_HEADS + " (deepen it instead)"
              : null;
      case DEEPEN -> shape.layers() + 1 > BrainShape.MAX_LAYERS
          ? "cannot deepen a brain of " + shape.layers() + " layers: " + (shape.layers() + 1)
              + " would exceed the limit " + BrainShape.MAX_LAYERS + " (widen it instead)"
          : null;
      case PRUNE_BLOCK -> shape.layers() < 2
          ? "cannot prune a block from a brain of " + shape.layers() + " layer: a brain keeps at least one"
          : null;
    };
  }

  private static BrainShape deeper(BrainShape s) {
    return s.with(s.layers() + 1, s.heads(), s.dim(), s.block(), s.dropout());
  }

  private static BrainShape shallower(BrainShape s) {
    return s.with(s.layers() - 1, s.heads(), s.dim(), s.block(), s.dropout());
  }
}
