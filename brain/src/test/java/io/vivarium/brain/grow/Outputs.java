package io.vivarium.brain.grow;

import io.vivarium.brain.Acted;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Patches;
import io.vivarium.brain.Sampling;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.world.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything a brain computes on some inputs, flattened, for comparing a brain before and after
 * growth: the full pass's logits, values and patches, {@code last}'s logits and values, and (for
 * brains reading one token per position) the greedy cached sampler's tokens, values and
 * log-probabilities.
 */
record Outputs(List<float[]> arrays, List<int[]> tokens) {

  /** Random inputs of different lengths (padded in a batch), optionally after 4 patches. */
  static List<BrainInput> inputs(BrainShape s, int count, boolean patches, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<BrainInput> in = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = s.group() * (1 + rng.nextInt(Math.min(8, s.block() - 4)));
      int[] tokens = new int[n];
      byte[] channels = new byte[n];
      for (int j = 0; j < n; j++) {
        tokens[j] = j == 0 ? Vocabulary.marker(Channel.TEXT) : rng.nextInt(256);
        channels[j] = (byte) (s.group() > 1 ? Channel.TEXT.ordinal() : rng.nextInt(Channel.values().length));
      }
      int prefix = s.group() > 1 || rng.nextBoolean() ? n : Math.max(1, n - 2);
      Patches p = Patches.none(s.patch());
      if (patches) {
        byte[] rgb = new byte[8 * 8 * 3];
        rng.nextBytes(rgb);
        p = Patches.of(new Image(8, 8, rgb), s.patch());
      }
      in.add(new BrainInput(tokens, channels, prefix, p));
    }
    return in;
  }

  static Outputs of(TorchBrain brain, List<BrainInput> inputs) {
    List<float[]> arrays = brain.infer(w -> {
      try (Arena m = w.arena().newChild()) {
        Batch b = Batch.of(m, w.shape(), inputs);
        Tensor h = Transformer.hidden(w, b, false); // (B, S, C)
        Tensor last = Transformer.last(w, b, false); // (B, C)
        return List.of(Transformer.logits(w, h).toFloatArray(), Transformer.values(w, h).toFloatArray(),
            Transformer.patches(w, h).toFloatArray(), Transformer.logits(w, last).toFloatArray(),
            Transformer.values(w, last).toFloatArray());
      }
    });
    List<float[]> all = new ArrayList<>(arrays);
    List<int[]> tokens = new ArrayList<>();
    if (brain.shape().group() == 1) {
      Sampling greedy = new Sampling(0, 0, 6, -1, Channel.MOTOR);
      for (Acted a : brain.act(inputs, greedy, new SplittableRandom(1))) {
        tokens.add(a.tokens());
        all.add(a.logProbs());
        all.add(new float[] {a.value()});
      }
    }
    return new Outputs(all, tokens);
  }

  /** The largest absolute difference between these outputs and {@code other}'s. */
  double maxAbsDiff(Outputs other) {
    double max = 0;
    for (int i = 0; i < arrays.size(); i++) {
      float[] a = arrays.get(i);
      float[] b = other.arrays.get(i);
      if (a.length != b.length) {
        return Double.POSITIVE_INFINITY;
      }
      for (int k = 0; k < a.length; k++) {
        max = Math.max(max, Math.abs(a[k] - b[k]));
      }
    }
    return max;
  }
}
