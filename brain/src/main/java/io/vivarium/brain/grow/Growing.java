package io.vivarium.brain.grow;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.model.Weights;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grows or shrinks a brain ({@link Growth}): WIDEN, DEEPEN, ADD_HEAD and WIDEN_MLP keep every
 * output (logits, value, patches) unchanged at the moment of growth; PRUNE_BLOCK and PRUNE_HEAD
 * remove what has the least effect on probe inputs, PRUNE_MLP the MLP units of least weight-based
 * effect, NARROW merges WIDEN's pairs: none is function-preserving, except right after its
 * growing counterpart.
 * {@link #optimizerState} maps an AdamW state to the new shape. The same seed makes the same
 * choices in every method. Inputs are never modified. Stateless; thread-safe.
 */
public final class Growing {
  private Growing() {}

  /** The grown weights; the input untouched. {@code seed} picks random choices. */
  public static Grown apply(BrainShape shape, Map<String, float[]> weights, Growth g, long seed) {
    check(shape, g);
    return switch (g) {
      case WIDEN -> new Grown(Widen.shape(shape), Widen.weights(shape, weights),
          "widened dim " + shape.dim() + " → " + 2 * shape.dim() + ", heads " + shape.heads()
              + " → " + 2 * shape.heads() + ", mlp " + shape.mlp() + " → " + 2 * shape.mlp());
      case DEEPEN -> {
        int at = Blocks.position(shape, seed);
        yield new Grown(deeper(shape), Blocks.insert(shape, weights, at, seed),
            "inserted block " + at + " (layers " + shape.layers() + " → " + (shape.layers() + 1) + ")");
      }
      case ADD_HEAD -> new Grown(shape.withHeads(shape.heads() + 1, shape.headDim()),
          Units.addHead(shape, weights, seed), "added head " + shape.heads() + " to every block");
      case WIDEN_MLP -> new Grown(shape.withMlp(Units.widerMlp(shape)), Units.widenMlp(shape, weights, seed),
          "widened every MLP from " + shape.mlp() + " to " + Units.widerMlp(shape) + " hidden units");
      case NARROW -> new Grown(Narrow.shape(shape), Narrow.weights(shape, weights),
          "narrowed dim " + shape.dim() + " → " + shape.dim() / 2 + ", heads " + shape.heads()
              + " → " + shape.heads() / 2 + ", mlp " + shape.mlp() + " → " + shape.mlp() / 2);
      case PRUNE_MLP -> withoutMlp(shape, weights, seed);
      case PRUNE_BLOCK, PRUNE_HEAD -> {
        try (TorchBrain brain = TorchBrain.of(shape, weights)) {
          yield prune(brain, g, Pruning.probe(shape, seed), seed);
        }
      }
    };
  }

  /** Convenience: a new brain ({@code trainedFor} carried over); the original brain untouched. */
  public static TorchBrain apply(TorchBrain brain, Growth g, long seed) {
    Grown grown = g == Growth.PRUNE_BLOCK || g == Growth.PRUNE_HEAD
        ? prune(brain, g, Pruning.probe(brain.shape(), seed), seed)
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
    return prune(brain, Growth.PRUNE_BLOCK, probe, seed);
  }

  /**
   * {@link #prune(TorchBrain, List, long)} for any operator that {@link Growth#shrinks}:
   * PRUNE_BLOCK, PRUNE_HEAD (a head from every block); PRUNE_MLP and NARROW do not read the probe.
   */
  public static Grown prune(TorchBrain brain, Growth g, List<BrainInput> probe, long seed) {
    BrainShape shape = brain.shape();
    check(shape, g);
    Map<String, float[]> values = brain.infer(Weights::toArrays);
    if (g == Growth.NARROW || g == Growth.PRUNE_MLP) {
      return apply(shape, values, g, seed);
    }
    if (g == Growth.PRUNE_HEAD) {
      int[] heads = weakestHeads(brain, probe, seed);
      return new Grown(shape.withHeads(shape.heads() - 1, shape.headDim()), Units.removeHeads(shape, values, heads),
          "pruned heads " + Arrays.toString(heads) + " (one per block) of " + shape.heads());
    }
    if (g != Growth.PRUNE_BLOCK) {
      throw new IllegalArgumentException("prune takes an operator that shrinks (prune-block, prune-head,"
          + " prune-mlp, narrow); got " + g.key());
    }
    double[] effect = Pruning.effects(brain, probe);
    int at = Pruning.weakest(effect, seed);
    return new Grown(shallower(shape), Blocks.remove(shape, values, at),
        String.format(Locale.ROOT, "pruned block %d of %d (effect %.3g)", at, shape.layers(), effect[at]));
  }

  /** Which block {@link #prune} removes for {@code probe} and {@code seed}. */
  public static int weakestBlock(TorchBrain brain, List<BrainInput> probe, long seed) {
    check(brain.shape(), Growth.PRUNE_BLOCK);
    return Pruning.weakest(Pruning.effects(brain, probe), seed);
  }

  /** Which head of each block PRUNE_HEAD removes for {@code probe} and {@code seed}. */
  public static int[] weakestHeads(TorchBrain brain, List<BrainInput> probe, long seed) {
    check(brain.shape(), Growth.PRUNE_HEAD);
    double[][] effect = Pruning.headEffects(brain, probe);
    int[] heads = new int[effect.length];
    for (int i = 0; i < effect.length; i++) {
      heads[i] = Pruning.weakest(effect[i], seed + i);
    }
    return heads;
  }

  /**
   * Which MLP units of each block PRUNE_MLP removes ({@link Units#prunedMlp}): those of least
   * ‖out column‖ · ‖(fc row, bias)‖, in increasing index order; among equal ones the seed picks.
   */
  public static int[][] weakestMlpUnits(BrainShape shape, Map<String, float[]> weights, long seed) {
    check(shape, Growth.PRUNE_MLP);
    double[][] effect = Pruning.mlpEffects(shape, weights);
    int count = shape.mlp() - Units.prunedMlp(shape);
    int[][] units = new int[effect.length][];
    for (int i = 0; i < effect.length; i++) {
      units[i] = Pruning.weakest(effect[i], count, seed + i);
    }
    return units;
  }

  private static Grown withoutMlp(BrainShape shape, Map<String, float[]> weights, long seed) {
    int[][] units = weakestMlpUnits(shape, weights, seed);
    double[][] effect = Pruning.mlpEffects(shape, weights);
    double most = 0;
    for (int i = 0; i < units.length; i++) {
      for (int k : units[i]) {
        most = Math.max(most, effect[i][k]);
      }
    }
    return new Grown(shape.withMlp(Units.prunedMlp(shape)), Units.removeMlp(shape, weights, units),
        String.format(Locale.ROOT, "pruned every MLP from %d to %d hidden units (largest effect removed %.3g)",
            shape.mlp(), Units.prunedMlp(shape), most));
  }

  /**
   * Maps an AdamW state ({@code AdamW.exportState()} bytes) of a brain of shape {@code from} to
   * the grown one, the step counter kept. WIDEN: moments copied as the weights, first × r and
   * second × r² (r = 1/2, or 1 for {@code lnf.g}, {@code lnf.b}, {@code value.b},
   * {@code unpatch.b}: the ratio of the grown gradient to the original's). DEEPEN, ADD_HEAD,
   * WIDEN_MLP: old moments kept, the new parameters' zero. NARROW: WIDEN's inverse, the moments
   * merged as the weights are, first ÷ r and second ÷ r². The pruning operators depend on the
   * weights: use {@link #optimizerState(TorchBrain, Growth, long, byte[])}, {@link #withoutBlock},
   * {@link #withoutHeads} or {@link #withoutMlpUnits}.
   */
  public static byte[] optimizerState(BrainShape from, Growth g, long seed, byte[] state) {
    check(from, g);
    if (g == Growth.PRUNE_BLOCK || g == Growth.PRUNE_HEAD || g == Growth.PRUNE_MLP) {
      throw new IllegalArgumentException("what " + g.key() + " removes depends on the brain's weights, not"
          + " only its shape; use optimizerState(brain, " + g + ", seed, state)");
    }
    AdamState s = AdamState.read(from, state);
    return switch (g) {
      case WIDEN -> new AdamState(s.steps(), Widen.map(from, s.first(), Widen.Kind.FIRST),
          Widen.map(from, s.second(), Widen.Kind.SECOND)).write(Widen.shape(from));
      case DEEPEN -> {
        int at = Blocks.position(from, seed);
        yield new AdamState(s.steps(), Blocks.insert(from, s.first(), at, null),
            Blocks.insert(from, s.second(), at, null)).write(deeper(from));
      }
      case ADD_HEAD -> new AdamState(s.steps(), Units.addHead(from, s.first(), null),
          Units.addHead(from, s.second(), null)).write(from.withHeads(from.heads() + 1, from.headDim()));
      case WIDEN_MLP -> new AdamState(s.steps(), Units.widenMlp(from, s.first(), null),
          Units.widenMlp(from, s.second(), null)).write(from.withMlp(Units.widerMlp(from)));
      case NARROW -> new AdamState(s.steps(), Narrow.map(from, s.first(), Widen.Kind.FIRST),
          Narrow.map(from, s.second(), Widen.Kind.SECOND)).write(Narrow.shape(from));
      case PRUNE_BLOCK, PRUNE_HEAD, PRUNE_MLP -> throw new AssertionError(g); // refused above
    };
  }

  /** {@link #optimizerState(BrainShape, Growth, long, byte[])} for {@code brain}'s shape, pruning included. */
  public static byte[] optimizerState(TorchBrain brain, Growth g, long seed, byte[] state) {
    List<BrainInput> probe = Pruning.probe(brain.shape(), seed);
    return switch (g) {
      case PRUNE_BLOCK -> withoutBlock(brain.shape(), weakestBlock(brain, probe, seed), state);
      case PRUNE_HEAD -> withoutHeads(brain.shape(), weakestHeads(brain, probe, seed), state);
      case PRUNE_MLP -> withoutMlpUnits(brain.shape(),
          weakestMlpUnits(brain.shape(), brain.infer(Weights::toArrays), seed), state);
      default -> optimizerState(brain.shape(), g, seed, state);
    };
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

  /** An AdamW state of shape {@code from} without head {@code heads[i]} of each block i. */
  public static byte[] withoutHeads(BrainShape from, int[] heads, byte[] state) {
    check(from, Growth.PRUNE_HEAD);
    if (heads.length != from.layers() || Arrays.stream(heads).anyMatch(h -> h < 0 || h >= from.heads())) {
      throw new IllegalArgumentException("heads to remove need one index in 0.." + (from.heads() - 1)
          + " per block (" + from.layers() + "); got " + Arrays.toString(heads));
    }
    AdamState s = AdamState.read(from, state);
    return new AdamState(s.steps(), Units.removeHeads(from, s.first(), heads),
        Units.removeHeads(from, s.second(), heads)).write(from.withHeads(from.heads() - 1, from.headDim()));
  }

  /** An AdamW state of shape {@code from} without MLP units {@code units[i]} of each block i (as many in each). */
  public static byte[] withoutMlpUnits(BrainShape from, int[][] units, byte[] state) {
    check(from, Growth.PRUNE_MLP);
    String bad = units.length != from.layers() ? "one list per block (" + from.layers() + ")" : null;
    for (int i = 0; bad == null && i < units.length; i++) {
      long distinct = Arrays.stream(units[i]).filter(k -> k >= 0 && k < from.mlp()).distinct().count();
      if (units[i].length != units[0].length || distinct != units[i].length || distinct == 0
          || distinct >= from.mlp()) {
        bad = "distinct indices in 0.." + (from.mlp() - 1) + ", as many in every block, at least one unit"
            + " kept (block " + i + " has " + Arrays.toString(units[i]) + ")";
      }
    }
    if (bad != null) {
      throw new IllegalArgumentException("MLP units to remove need " + bad + "; got " + Arrays.deepToString(units));
    }
    AdamState s = AdamState.read(from, state);
    return new AdamState(s.steps(), Units.removeMlp(from, s.first(), units),
        Units.removeMlp(from, s.second(), units)).write(from.withMlp(from.mlp() - units[0].length));
  }

  /** Whether {@code g} can apply to {@code shape}: within BrainShape's limits, pruning 2+ layers or heads. */
  public static boolean applies(BrainShape shape, Growth g) {
    return Limits.refusal(shape, g) == null;
  }

  private static void check(BrainShape shape, Growth g) {
    String why = Limits.refusal(shape, g);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
  }

  private static BrainShape deeper(BrainShape s) {
    return s.with(s.layers() + 1, s.heads(), s.dim(), s.block(), s.dropout());
  }

  private static BrainShape shallower(BrainShape s) {
    return s.with(s.layers() - 1, s.heads(), s.dim(), s.block(), s.dropout());
  }
}
