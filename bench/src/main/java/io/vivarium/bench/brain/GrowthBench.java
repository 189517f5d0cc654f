package io.vivarium.bench.brain;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Patches;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.grow.Growing;
import io.vivarium.brain.grow.Growth;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.world.Image;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How exactly growth preserves a brain: for every preset ({@link BrainShape#PRESETS}) and a
 * one-layer brain of width 16, a brain from seed 1 reads a fixed batch of random inputs (once
 * without and once with image patches) before and after growth; prints the largest
 * absolute difference of the logits, values and decoded patches after each function-preserving
 * operator (WIDEN, DEEPEN, ADD_HEAD, WIDEN_MLP) and the time each growth took, and after WIDEN
 * then NARROW and WIDEN_MLP then PRUNE_MLP (each shrinking the inverse of its growth),
 * one {@code preset=…} line per brain. A brain whose widened parameters would exceed 2 GiB of
 * floats is skipped with a line saying so. Usage: {@code vivarium bench growth}. Not
 * thread-safe; a command-line tool.
 */
public final class GrowthBench {
  /** Widened brains above this many bytes of float parameters are skipped. */
  static final long LIMIT_BYTES = 1L << 31;

  private GrowthBench() {}

  public static void main(String[] args) {
    run(1, new PrintWriter(System.out, true));
  }

  /** Runs every shape; prints one line per shape to {@code out}. */
  public static void run(int threads, PrintWriter out) {
    Torch.start(threads, null);
    BrainShape tiny = BrainShape.preset("tiny");
    List<String> names = new ArrayList<>(BrainShape.PRESETS);
    names.add("1x16");
    for (String name : names) {
      BrainShape s = name.equals("1x16")
          ? tiny.with(1, tiny.heads(), 16, tiny.block(), 0) : BrainShape.preset(name);
      long widened = s.with(s.layers(), 2 * s.heads(), 2 * s.dim(), s.block(), s.dropout()).parameterCount();
      if (4 * widened > LIMIT_BYTES || !Growing.applies(s, Growth.WIDEN)) {
        out.printf(Locale.ROOT, "preset=%s skipped: widened it would have %,d parameters (over 2 GiB of floats"
            + " or beyond BrainShape's limits)%n", name, widened);
        continue;
      }
      one(name, s, out);
    }
    out.flush();
  }

  private static void one(String name, BrainShape s, PrintWriter out) {
    List<List<BrainInput>> batches = List.of(inputs(s, false), inputs(s, true));
    try (TorchBrain brain = TorchBrain.create(s, 1)) {
      List<float[]> before = outputs(brain, batches);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "preset=%s parameters=%d", name,
          brain.parameterCount()));
      for (Growth g : List.of(Growth.WIDEN, Growth.DEEPEN, Growth.ADD_HEAD, Growth.WIDEN_MLP)) {
        long t0 = System.nanoTime();
        try (TorchBrain grown = Growing.apply(brain, g, 1)) {
          double ms = (System.nanoTime() - t0) / 1e6;
          double diff = maxAbsDiff(before, outputs(grown, batches));
          line.append(String.format(Locale.ROOT, " max_abs_diff_%s=%.3g %s_ms=%.1f", g.key(), diff, g.key(), ms));
          Growth back = g == Growth.WIDEN ? Growth.NARROW : g == Growth.WIDEN_MLP ? Growth.PRUNE_MLP : null;
          if (back != null) { // the shrinking inverse of a growth gives the brain back
            try (TorchBrain shrunk = Growing.apply(grown, back, 1)) {
              line.append(String.format(Locale.ROOT, " max_abs_diff_%s+%s=%.3g", g.key(), back.key(),
                  maxAbsDiff(before, outputs(shrunk, batches))));
            }
          }
        }
      }
      out.println(line);
    }
  }

  /** Four random text prompts of 8–32 tokens (padded), with 4 patches each or none. */
  private static List<BrainInput> inputs(BrainShape s, boolean patches) {
    SplittableRandom rng = new SplittableRandom(patches ? 2 : 1);
    List<BrainInput> in = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int n = s.group() * Math.min(s.block(), 8 + rng.nextInt(25));
      int[] tokens = new int[n];
      tokens[0] = Vocabulary.marker(Channel.TEXT);
      for (int j = 1; j < n; j++) {
        tokens[j] = rng.nextInt(256);
      }
      byte[] channels = new byte[n];
      java.util.Arrays.fill(channels, (byte) Channel.TEXT.ordinal());
      Patches p = Patches.none(s.patch());
      if (patches) {
        byte[] rgb = new byte[8 * 8 * 3];
        rng.nextBytes(rgb);
        p = Patches.of(new Image(8, 8, rgb), s.patch());
      }
      in.add(new BrainInput(tokens, channels, n, p));
    }
    return in;
  }

  /** Logits, values and decoded patches of the full pass, per batch. */
  private static List<float[]> outputs(TorchBrain brain, List<List<BrainInput>> batches) {
    return brain.infer(w -> {
      List<float[]> out = new ArrayList<>();
      for (List<BrainInput> in : batches) {
        try (Arena m = w.arena().newChild()) {
          Tensor h = Transformer.hidden(w, Batch.of(m, w.shape(), in), false); // (B, S, C)
          out.add(Transformer.logits(w, h).toFloatArray());
          out.add(Transformer.values(w, h).toFloatArray());
          out.add(Transformer.patches(w, h).toFloatArray());
        }
      }
      return out;
    });
  }

  private static double maxAbsDiff(List<float[]> a, List<float[]> b) {
    double max = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int k = 0; k < a.get(i).length; k++) {
        max = Math.max(max, Math.abs(a.get(i)[k] - b.get(i)[k]));
      }
    }
    return max;
  }
}
