package io.vivarium.brain.grow;

import io.vivarium.brain.BrainShape;

/** Why a {@link Growth} cannot apply to a shape: {@link BrainShape}'s limits. Stateless; thread-safe. */
final class Limits {
  private Limits() {}

  /** Why {@code g} cannot apply to {@code s}, or null when it can. */
  static String refusal(BrainShape s, Growth g) {
    return switch (g) {
      case WIDEN -> 2 * s.dim() > BrainShape.MAX_DIM
          ? "cannot widen a brain of dim " + s.dim() + ": dim " + 2 * s.dim()
              + " would exceed the limit " + BrainShape.MAX_DIM + " (deepen it instead)"
          : 2 * s.heads() > BrainShape.MAX_HEADS
              ? "cannot widen a brain of " + s.heads() + " heads: " + 2 * s.heads()
                  + " heads would exceed the limit " + BrainShape.MAX_HEADS + " (deepen it instead)"
              : fits(() -> Widen.shape(s), "widen");
      case DEEPEN -> s.layers() + 1 > BrainShape.MAX_LAYERS
          ? "cannot deepen a brain of " + s.layers() + " layers: " + (s.layers() + 1)
              + " would exceed the limit " + BrainShape.MAX_LAYERS + " (widen it instead)"
          : null;
      case ADD_HEAD -> s.heads() + 1 > BrainShape.MAX_HEADS
          ? "cannot add a head to a brain of " + s.heads() + " heads: the limit is " + BrainShape.MAX_HEADS
          : fits(() -> s.withHeads(s.heads() + 1, s.headDim()), "add a head to");
      case WIDEN_MLP -> fits(() -> s.withMlp(Units.widerMlp(s)), "widen the MLP of");
      case PRUNE_BLOCK -> s.layers() < 2
          ? "cannot prune a block from a brain of " + s.layers() + " layer: a brain keeps at least one"
          : null;
      case PRUNE_HEAD -> s.heads() < 2
          ? "cannot prune a head from a brain of " + s.heads() + " head per block: a block keeps at least one"
          : null;
      case NARROW -> s.dim() % 2 != 0 || s.heads() % 2 != 0 || s.mlp() % 2 != 0
          ? "cannot narrow a brain of dim " + s.dim() + ", " + s.heads() + " heads and mlp " + s.mlp()
              + ": all three must be even (narrowing halves them)"
          : fits(() -> Narrow.shape(s), "narrow");
      case PRUNE_MLP -> s.mlp() < 2
          ? "cannot prune MLP units from a brain of mlp " + s.mlp() + ": a block keeps at least one"
          : null;
    };
  }

  /** Null when {@code grown} builds a valid shape, else why not. */
  private static String fits(java.util.function.Supplier<BrainShape> grown, String verb) {
    try {
      grown.get();
      return null;
    } catch (IllegalArgumentException e) {
      return "cannot " + verb + " this brain: " + e.getMessage();
    }
  }
}
