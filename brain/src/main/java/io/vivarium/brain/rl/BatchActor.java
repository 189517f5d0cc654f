package io.vivarium.brain.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Patches;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A brain acting in a batch of worlds with one-byte actions: encodes what each instance sees
 * (with its action memory), asks the brain for alphabet logits and values, steps the worlds
 * and keeps the history and episode statistics. Shared by the learners. Not thread-safe.
 */
final class BatchActor {
  final TorchBrain brain;
  final WorldBatch batch;
  final ObservationEncoder encoder;
  final History history;
  final long[] alphabet;
  final EpisodeStats episodes;
  private final byte[] motor;
  private long envSteps;
  /** Called after every batch step with the motor bytes taken, or null. */
  private java.util.function.Consumer<byte[]> stepObserver;
  /** The recalled payloads shown on the memory channel (when the encoding has one). */
  byte[] memory = new byte[0];

  BatchActor(TorchBrain brain, WorldBatch batch, Encoding encoding) {
    this(brain, batch, encoding, batch.size());
  }

  /** An actor whose episode statistics count the first {@code counted} instances only. */
  BatchActor(TorchBrain brain, WorldBatch batch, Encoding encoding, int counted) {
    byte[] bytes = batch.spec().actionAlphabet();
    if (bytes.length < 2) {
      throw new IllegalArgumentException("these learners need a world with a one-byte action alphabet of 2 or "
          + "more actions; " + batch.spec().world() + " declares " + bytes.length);
    }
    this.brain = brain;
    this.batch = batch;
    this.encoder = new ObservationEncoder(batch.spec(), encoding);
    if (encoder.length() > brain.shape().block()) {
      throw new IllegalArgumentException("the observation prefix needs " + encoder.length()
          + " tokens but the brain's block is " + brain.shape().block() + "; use a larger brain.block");
    }
    this.history = new History(batch.size(), encoding.actionMemory());
    this.alphabet = new long[bytes.length];
    for (int a = 0; a < bytes.length; a++) {
      alphabet[a] = bytes[a] & 0xFF;
    }
    this.episodes = new EpisodeStats(batch.size(), 100, counted);
    this.motor = new byte[batch.size()];
  }

  /** Environment steps taken so far. */
  long envSteps() {
    return envSteps;
  }

  /** Sets the hook called after every batch step with that step's motor bytes (null removes it). */
  void setStepObserver(java.util.function.Consumer<byte[]> observer) {
    this.stepObserver = observer;
  }

  /** What instance {@code i} sees now, as a brain input. */
  BrainInput observe(int i) {
    int len = encoder.length();
    int[] tokens = new int[len];
    byte[] channels = new byte[len];
    encoder.encode(batch.observation(i), memory, history, i, tokens, channels, 0);
    return new BrainInput(tokens, channels, len, Patches.none(1));
  }

  /** What every instance sees now, as brain inputs of equal length. */
  List<BrainInput> observe() {
    List<BrainInput> inputs = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      inputs.add(observe(i));
    }
    return inputs;
  }

  /** Alphabet logits (B, A) flattened, and values (B), without gradients. */
  float[][] policy(List<BrainInput> inputs) {
    return brain.update(w -> {
      try (NDManager m = w.manager().newSubManager()) {
        JniUtils.setGradMode(false);
        NDArray[] out = Policy.forward(w, m, inputs, alphabet, false);
        return new float[][] {out[0].toFloatArray(), out[1].toFloatArray()};
      }
    });
  }

  /** Steps every instance with the alphabet indices {@code actions}; updates history and statistics. */
  void step(int[] actions) {
    for (int i = 0; i < batch.size(); i++) {
      motor[i] = (byte) alphabet[actions[i]];
    }
    batch.step(motor);
    episodes.add(batch.rewards(), batch.terminated(), batch.truncated());
    for (int i = 0; i < batch.size(); i++) {
      history.record(i, motor[i], batch.rewards()[i], batch.terminated()[i] || batch.truncated()[i]);
    }
    envSteps += batch.size();
    if (stepObserver != null) {
      stepObserver.accept(motor);
    }
  }

  /** The alphabet index of {@code b}, or -1 when it is not an action. */
  int indexOf(byte b) {
    for (int a = 0; a < alphabet.length; a++) {
      if (alphabet[a] == (b & 0xFF)) {
        return a;
      }
    }
    return -1;
  }
}
