package io.vivarium.brain.policy;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Spec;

/**
 * How a world's actions are drawn from a brain, read from its {@link Spec}: one byte from the
 * world's alphabet (gold's {@code L R F}: logits restricted to the alphabet), or a sequence of up
 * to {@code maxBytes} bytes ended by {@code <eos>} (exec's programs, repair's text). Immutable.
 *
 * @param alphabet the action bytes of a one-byte world, empty for sequences
 * @param maxBytes the most bytes of an action
 * @param channel the channel actions are sent on ({@code motor} or {@code text})
 */
public record ActionSpace(long[] alphabet, int maxBytes, Channel channel) {
  /** The longest sequence a colony generates, whatever a world would read (repair reads diffs of 8× its passage). */
  public static final int MAX_SEQUENCE = 256;

  public ActionSpace {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("an action needs at least 1 byte; got maxBytes " + maxBytes);
    }
  }

  /** The action space of {@code spec}: one byte when it declares an alphabet of 2 or more for 1-byte actions. */
  public static ActionSpace of(Spec spec) {
    byte[] bytes = spec.actionAlphabet();
    if (bytes.length >= 2 && spec.actionBytes() == 1) {
      long[] a = new long[bytes.length];
      for (int k = 0; k < bytes.length; k++) {
        a[k] = bytes[k] & 0xFF;
      }
      return new ActionSpace(a, 1, spec.actionChannel());
    }
    return new ActionSpace(new long[0], Math.min(spec.actionBytes(), MAX_SEQUENCE), spec.actionChannel());
  }

  /** Whether actions are one byte of the alphabet. */
  public boolean oneByte() {
    return alphabet.length > 0;
  }

  /** The alphabet index of {@code b}, or -1 when it is not an action. */
  public int indexOf(byte b) {
    for (int a = 0; a < alphabet.length; a++) {
      if (alphabet[a] == (b & 0xFF)) {
        return a;
      }
    }
    return -1;
  }

  /**
   * The tokens a sampler draws to write {@code text} as an action: its bytes then {@code <eos>},
   * cut at {@link #maxBytes()} (a sampler stops there without an {@code <eos>}), as
   * {@link Policy#sequence} scores them.
   */
  public int[] answer(byte[] text) {
    int n = Math.min(text.length, maxBytes);
    int[] t = new int[n < maxBytes ? n + 1 : n];
    for (int j = 0; j < n; j++) {
      t[j] = io.vivarium.core.Vocabulary.token(text[j]);
    }
    if (n < maxBytes) {
      t[n] = io.vivarium.core.Vocabulary.EOS;
    }
    return t;
  }

  /** {@code bytes} as an action on this space's channel. */
  public Action action(byte[] bytes) {
    if (channel == Channel.TEXT) {
      return Action.text(bytes);
    }
    return bytes.length == 1 ? Action.motor(bytes[0]) : Action.motor(bytes);
  }
}
