package io.vivarium.brain;

import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.util.Arrays;
import java.util.Objects;

/**
 * One sequence the brain reads: optional image patches, then tokens, each with the channel it
 * travels on. The patches and the first {@code prefix} tokens are the observation prefix,
 * attended fully; the tokens after it are the generated part, attended causally.
 *
 * <p>How a world's observation becomes tokens is the learners' business; this is the form they
 * build. Immutable by convention: the arrays are shared, not copied.
 *
 * @param tokens token ids in [0, {@link Vocabulary#SIZE})
 * @param channels the channel ordinal of each token
 * @param prefix how many leading tokens belong to the prefix, 0 for a plain language model
 * @param patches image patches placed before the tokens, possibly none
 */
public record BrainInput(int[] tokens, byte[] channels, int prefix, Patches patches) {
  public BrainInput {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(patches, "patches");
    if (tokens.length == 0 && patches.count() == 0) {
      throw new IllegalArgumentException(
          "a brain input needs at least one token or patch; got an empty input");
    }
    if (channels.length != tokens.length) {
      throw new IllegalArgumentException(
          "a brain input needs one channel per token; got " + tokens.length + " tokens and "
              + channels.length + " channels");
    }
    if (prefix < 0 || prefix > tokens.length) {
      throw new IllegalArgumentException(
          "brain input prefix must be between 0 and the token count " + tokens.length + "; got "
              + prefix);
    }
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i] < 0 || tokens[i] >= Vocabulary.SIZE) {
        throw new IllegalArgumentException(
            "token " + i + " is " + tokens[i] + ", outside the vocabulary [0, " + Vocabulary.SIZE
                + ")");
      }
      if (channels[i] < 0 || channels[i] >= Channel.values().length) {
        throw new IllegalArgumentException(
            "channel " + i + " is " + channels[i] + ", not a channel ordinal");
      }
    }
  }

  /** Bytes on one channel, all of them prefix: {@code <marker> b0 b1 …}. */
  public static BrainInput prompt(Channel channel, byte[] bytes) {
    int[] tokens = new int[bytes.length + 1];
    tokens[0] = Vocabulary.marker(channel);
    for (int i = 0; i < bytes.length; i++) {
      tokens[i + 1] = Vocabulary.token(bytes[i]);
    }
    return of(tokens, channel, tokens.length);
  }

  /** Tokens all on {@code channel}, the first {@code prefix} of them prefix, no patches. */
  public static BrainInput of(int[] tokens, Channel channel, int prefix) {
    byte[] channels = new byte[tokens.length];
    Arrays.fill(channels, (byte) channel.ordinal());
    return new BrainInput(tokens, channels, prefix, Patches.none(1));
  }

  /** Positions in the whole sequence: patches plus tokens. */
  public int length() {
    return patches.count() + tokens.length;
  }

  /** This input with {@code token} on {@code channel} appended to the generated part. */
  public BrainInput append(int token, Channel channel) {
    int[] t = Arrays.copyOf(tokens, tokens.length + 1);
    byte[] c = Arrays.copyOf(channels, channels.length + 1);
    t[tokens.length] = token;
    c[tokens.length] = (byte) channel.ordinal();
    return new BrainInput(t, c, prefix, patches);
  }

  /** The last {@code max} tokens (the prefix shrinks with them); patches are kept. */
  public BrainInput keepLast(int max) {
    if (tokens.length <= max) {
      return this;
    }
    int drop = tokens.length - max;
    return new BrainInput(
        Arrays.copyOfRange(tokens, drop, tokens.length),
        Arrays.copyOfRange(channels, drop, channels.length),
        Math.max(0, prefix - drop),
        patches);
  }
}
