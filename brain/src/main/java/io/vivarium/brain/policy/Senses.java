package io.vivarium.brain.policy;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Patches;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agent perceives of its N world instances: each observation laid out by the
 * {@link ObservationEncoder}, with the instance's recent actions and reward ({@link History})
 * and the memories recalled for the agent (seed 000's related previous outputs). The loop
 * {@link #record}s every step. A world read through its picture (an encoding {@code patch}
 * above 0) gives each input the picture's patches, placed before the tokens. Not thread-safe.
 */
public final class Senses {
  private final ObservationEncoder encoder;
  private final History history;
  private final int patch;
  private byte[] memory = new byte[0];

  /** Senses of {@code instances} worlds of {@code spec} laid out as {@code encoding} says. */
  public Senses(Spec spec, Encoding encoding, int instances) {
    this.encoder = new ObservationEncoder(spec, encoding);
    this.history = new History(instances, encoding.actionMemory());
    this.patch = encoding.patch();
  }

  /** Shows {@code recalled} (payloads, concatenated) on the memory channel from the next input on. */
  public void recall(byte[] recalled) {
    memory = recalled.clone();
  }

  /** What instance {@code i} perceives in observation {@code o}, as the brain's input. */
  public BrainInput input(Observation o, int i) {
    int len = encoder.length();
    int[] tokens = new int[len];
    byte[] channels = new byte[len];
    encoder.encode(o, memory, history, i, tokens, channels, 0);
    return new BrainInput(tokens, channels, len, patches(o, i));
  }

  private Patches patches(Observation o, int i) {
    if (patch == 0) {
      return Patches.none(1);
    }
    if (o.image() == null) {
      throw new IllegalStateException("instance " + i + "'s observation has no picture, but the encoding reads"
          + " the picture (patch " + patch + "); the world's spec promised one");
    }
    return Patches.of(o.image(), patch);
  }

  /** What the first {@code n} instances of {@code batch} perceive now. */
  public List<BrainInput> inputs(WorldBatch batch, int n) {
    List<BrainInput> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(input(batch.observation(i), i));
    }
    return out;
  }

  /** Instance {@code i} acted with {@code action} (its first byte is remembered) and got {@code reward}. */
  public void record(int i, byte[] action, float reward, boolean episodeEnded) {
    history.record(i, action.length == 0 ? -1 : action[0] & 0xFF, reward, episodeEnded);
  }
}
