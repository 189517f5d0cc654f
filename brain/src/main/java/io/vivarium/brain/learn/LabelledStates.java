package io.vivarium.brain.learn;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Patches;
import java.util.Arrays;

/**
 * The bounded ring of states imitation learns from, each with its expert label: an alphabet
 * index in one-byte worlds, the tokens of the expert's answer in sequence worlds. A world's
 * encoded observations all have one length, so token-only states are packed into two flat
 * arrays (tokens as {@code short}, channels as {@code byte}) allocated in full when the first
 * state arrives: the buffer costs its final size at once instead of growing for its first
 * thousands of states, and a few bytes a token instead of an object per state. States with
 * image patches, or of another length, are kept as they are.
 *
 * <p>Not thread-safe.
 */
final class LabelledStates {
  private final int capacity;
  private final int[] labels;
  private final float[] values; // (capacity) value targets, NaN until the state's episode ends
  private final long[] stamps; // (capacity) which add filled the slot
  private int[][] answers; // (capacity) answer tokens; only once an answer was added
  private BrainInput[] objects; // (capacity); only when the states do not pack
  private short[] tokens; // (capacity, length)
  private byte[] channels; // (capacity, length)
  private int[] prefixes;
  private int length = -1;
  private long stored;

  LabelledStates(int capacity) {
    this.capacity = capacity;
    this.labels = new int[capacity];
    this.values = new float[capacity];
    this.stamps = new long[capacity];
  }

  /** How many states are held, at most the capacity. */
  int size() {
    return (int) Math.min(stored, capacity);
  }

  /**
   * Adds a state, overwriting the oldest when full; its value target is unknown until
   * {@link #setValue}. Returns a stamp that names this state for {@link #setValue}.
   */
  long add(BrainInput state, int label) {
    long stamp = stored++;
    int slot = (int) (stamp % capacity);
    labels[slot] = label;
    values[slot] = Float.NaN;
    if (answers != null) {
      answers[slot] = null;
    }
    stamps[slot] = stamp;
    if (objects == null && tokens == null) {
      if (packs(state)) {
        length = state.tokens().length;
        tokens = new short[capacity * length];
        channels = new byte[capacity * length];
        prefixes = new int[capacity];
      } else {
        objects = new BrainInput[capacity];
      }
    }
    if (tokens != null && (!packs(state) || state.tokens().length != length)) {
      unpack();
    }
    if (objects != null) {
      objects[slot] = state;
      return stamp;
    }
    int off = slot * length;
    int[] t = state.tokens();
    for (int i = 0; i < length; i++) {
      tokens[off + i] = (short) t[i];
    }
    System.arraycopy(state.channels(), 0, channels, off, length);
    prefixes[slot] = state.prefix();
    return stamp;
  }

  /** Adds a state labelled with the tokens of the expert's {@code answer} (not copied); as {@link #add(BrainInput, int)}. */
  long add(BrainInput state, int[] answer) {
    if (answers == null) {
      answers = new int[capacity][];
    }
    long stamp = add(state, -1);
    answers[(int) (stamp % capacity)] = answer;
    return stamp;
  }

  /** The answer tokens of slot {@code k}; null for a state added with an alphabet label. */
  int[] answer(int k) {
    return answers == null ? null : answers[k];
  }

  /** Sets the value target of the state {@code stamp} names, unless it was overwritten since. */
  void setValue(long stamp, float value) {
    int slot = (int) (stamp % capacity);
    if (stamps[slot] == stamp) {
      values[slot] = value;
    }
  }

  /** The value target of slot {@code k}, NaN when its episode has not ended yet. */
  float value(int k) {
    return values[k];
  }

  /** The state in slot {@code k} (0 ≤ k < size). */
  BrainInput state(int k) {
    if (objects != null) {
      return objects[k];
    }
    int off = k * length;
    int[] t = new int[length];
    for (int i = 0; i < length; i++) {
      t[i] = tokens[off + i];
    }
    return new BrainInput(t, Arrays.copyOfRange(channels, off, off + length), prefixes[k],
        Patches.none(1));
  }

  /** The label of slot {@code k}. */
  int label(int k) {
    return labels[k];
  }

  /** Falls back to keeping objects, keeping what is held. */
  private void unpack() {
    BrainInput[] all = new BrainInput[capacity];
    for (int k = 0; k < size(); k++) {
      all[k] = state(k);
    }
    objects = all;
    tokens = null;
    channels = null;
    prefixes = null;
  }

  private static boolean packs(BrainInput state) {
    if (state.patches().count() != 0 || state.patches().patch() != 1) {
      return false;
    }
    for (int v : state.tokens()) {
      if (v > Short.MAX_VALUE) {
        return false;
      }
    }
    return true;
  }
}
