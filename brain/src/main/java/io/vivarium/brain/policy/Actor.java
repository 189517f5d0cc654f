package io.vivarium.brain.policy;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.Acted;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Sampling;
import io.vivarium.brain.TorchBrain;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Acts for many inputs at once through a brain: one batched forward pass for one-byte actions
 * ({@link Policy}), batched sampling of byte sequences for the rest. Inference only: it holds
 * the brain's shared lock, never the training lock, so acting runs beside another brain's
 * update. Immutable and thread-safe; randomness comes from the caller's generator.
 */
public final class Actor {
  private final ActionSpace space;
  private final double temperature;

  /** An actor for {@code space}; sequences are sampled at {@code temperature} (1 = the model's distribution). */
  public Actor(ActionSpace space, double temperature) {
    if (!(temperature > 0 && temperature <= 100)) {
      throw new IllegalArgumentException("the sampling temperature must be in (0, 100]; got " + temperature);
    }
    this.space = space;
    this.temperature = temperature;
  }

  /** The action space. */
  public ActionSpace space() {
    return space;
  }

  /** The sampling temperature of sequences. */
  public double temperature() {
    return temperature;
  }

  /** Samples an action for every input ({@code greedy}: the most likely one instead). */
  public Acts act(TorchBrain brain, List<BrainInput> inputs, SplittableRandom rng, boolean greedy) {
    return space.oneByte() ? oneByte(brain, inputs, rng, greedy) : sequences(brain, inputs, rng, greedy);
  }

  /** The value head's estimates for {@code inputs} (B). */
  public float[] values(TorchBrain brain, List<BrainInput> inputs) {
    return brain.infer(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor last = io.vivarium.brain.model.Transformer.last(w, io.vivarium.brain.model.Batch.of(m, w.shape(),
            inputs), false); // (B, C)
        return io.vivarium.brain.model.Transformer.values(w, last).toFloatArray();
      }
    });
  }

  private Acts oneByte(TorchBrain brain, List<BrainInput> inputs, SplittableRandom rng, boolean greedy) {
    int n = inputs.size();
    float[][] out = brain.infer(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor[] o = Policy.forward(w, m, inputs, space.alphabet(), false);
        return new float[][] {o[0].toFloatArray(), o[1].toFloatArray()};
      }
    });
    float[] logp = new float[n];
    int[] choice = Policy.sample(out[0], space.alphabet().length, rng, logp, greedy);
    byte[][] bytes = new byte[n][];
    for (int i = 0; i < n; i++) {
      bytes[i] = new byte[] {(byte) space.alphabet()[choice[i]]};
    }
    return new Acts(bytes, choice, null, null, logp, out[1]);
  }

  private Acts sequences(TorchBrain brain, List<BrainInput> inputs, SplittableRandom rng, boolean greedy) {
    int n = inputs.size();
    Sampling s = new Sampling(greedy ? 0 : temperature, 0, space.maxBytes(), -1, space.channel());
    List<Acted> acted = brain.act(inputs, s, rng);
    byte[][] bytes = new byte[n][];
    int[][] tokens = new int[n][];
    float[][] tokenLogp = new float[n][];
    float[] logp = new float[n];
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      Acted a = acted.get(i);
      bytes[i] = a.bytes();
      tokens[i] = a.tokens();
      tokenLogp[i] = a.logProbs();
      logp[i] = (float) a.totalLogProb();
      values[i] = a.value();
    }
    return new Acts(bytes, null, tokens, tokenLogp, logp, values);
  }
}
