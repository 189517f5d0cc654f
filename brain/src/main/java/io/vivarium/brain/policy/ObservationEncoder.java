package io.vivarium.brain.policy;

import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays an observation out as the brain's prefix, always the same length for one world:
 *
 * <pre>
 * &lt;bos&gt; (&lt;channel&gt; b0 … b(L−1))* [&lt;memory&gt; m0 … m(M−1)] [&lt;reward&gt; r] [&lt;motor&gt; a1 … ak] &lt;sep&gt;
 * </pre>
 *
 * Each included channel gets a fixed budget L = min(spec's max bytes, encoding's max bytes):
 * its bytes, truncated to L, then PAD. The reward byte is the previous reward mapped from
 * [−1, 1] to [0, 255]. The actions are the previous k actions' first bytes, oldest first, PAD
 * before the first. The memory channel, present only when the encoding's {@code memoryBytes} M
 * is positive, holds the recalled payloads the caller passes, truncated to M, then PAD; without
 * it the prefix is exactly as it was before memories existed. The generated action bytes follow
 * the {@code <sep>}.
 *
 * <p>With a group G above 1 (the brain reads G tokens at each position) every part above — the
 * {@code <bos>}, each channel with its marker, the memory, the reward, the actions, the {@code <sep>}
 * — is padded with PAD to whole groups, so no position mixes two parts.
 *
 * <p>With an encoding {@code patch} P above 0 (a spec that says {@code pictureForVideo}) the
 * {@code video} channel's bytes are left out: the brain reads the picture instead, as
 * {@link #patches()} P×P patches placed before these tokens (see {@link Senses}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ObservationEncoder {
  private static final byte[] NO_MEMORY = new byte[0];
  private final List<Channel> channels = new ArrayList<>();
  private final List<Integer> budgets = new ArrayList<>();
  private final Encoding encoding;
  private final int length;
  private final int patchCols;
  private final int patchRows;

  public ObservationEncoder(Spec spec, Encoding encoding) {
    this.encoding = encoding;
    checkPicture(spec, encoding);
    int p = encoding.patch();
    patchCols = p == 0 ? 0 : (spec.imageWidth() + p - 1) / p;
    patchRows = p == 0 ? 0 : (spec.imageHeight() + p - 1) / p;
    int len = whole(1); // <bos>
    for (Channel c : encoding.channels()) {
      int budget = p > 0 && c == Channel.VIDEO ? 0 : Math.min(spec.maxBytes(c), encoding.maxBytes());
      if (budget > 0) {
        channels.add(c);
        budgets.add(budget);
        len += whole(1 + budget);
      }
    }
    len += encoding.memoryBytes() > 0 ? whole(1 + encoding.memoryBytes()) : 0;
    len += encoding.reward() ? whole(2) : 0;
    len += encoding.actionMemory() > 0 ? whole(1 + encoding.actionMemory()) : 0;
    length = len + whole(1); // <sep>
  }

  private static void checkPicture(Spec spec, Encoding encoding) {
    if (spec.pictureForVideo() && encoding.patch() == 0) {
      throw new IllegalArgumentException(spec.world() + " " + spec.preset() + " is read through its picture"
          + " (pictureForVideo) but the encoding reads the video bytes (patch 0); build it with Encoding.forSpec");
    }
    if (!spec.pictureForVideo() && encoding.patch() > 0) {
      throw new IllegalArgumentException("the encoding reads the picture (patch " + encoding.patch() + ") but "
          + spec.world() + " " + spec.preset() + " is read through its video bytes; use patch 0 (Encoding.forSpec)");
    }
  }

  /** Patches of the picture before the tokens: columns × rows of the patch grid, 0 without. */
  public int patches() {
    return patchCols * patchRows;
  }

  /** The patch grid's longer side, which a brain's {@code BrainShape.grid} must reach; 0 without. */
  public int patchSide() {
    return Math.max(patchCols, patchRows);
  }

  /** {@code tokens} rounded up to whole groups of the encoding's group. */
  private int whole(int tokens) {
    int g = encoding.group();
    return (tokens + g - 1) / g * g;
  }

  /** The prefix length in tokens (a multiple of the encoding's group). */
  public int length() {
    return length;
  }

  /** The prefix length in the brain's positions: tokens divided by the group. */
  public int positions() {
    return length / encoding.group();
  }

  /**
   * The layout in one line, e.g. {@code video:81 text:47 reward actions:4 prefix:138} (with the
   * picture read, {@code picture:7x7/4 text:12 …}, 7×7 patches of 4 pixels): two
   * encoders with the same descriptor lay every observation out alike, so a brain trained
   * through one reads the other's prefix.
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (encoding.patch() > 0) {
      b.append("picture:").append(patchCols).append('x').append(patchRows).append('/').append(encoding.patch())
          .append(' ');
    }
    for (int i = 0; i < channels.size(); i++) {
      b.append(channels.get(i).name().toLowerCase(java.util.Locale.ROOT)).append(':').append(budgets.get(i)).append(' ');
    }
    b.append(encoding.memoryBytes() > 0 ? "memory:" + encoding.memoryBytes() + " " : "");
    b.append(encoding.reward() ? "reward " : "");
    b.append(encoding.actionMemory() > 0 ? "actions:" + encoding.actionMemory() + " " : "");
    b.append(encoding.group() > 1 ? "group:" + encoding.group() + " positions:" + positions() + " " : "");
    return b.append("prefix:").append(length).toString();
  }

  /** The channels included, in order. */
  public List<Channel> channels() {
    return List.copyOf(channels);
  }

  /**
   * Writes environment {@code i}'s prefix into {@code tokens} and {@code channelOf} at
   * {@code offset} ({@link #length()} entries each).
   */
  public void encode(Observation o, History history, int i, int[] tokens, byte[] channelOf, int offset) {
    encode(o, NO_MEMORY, history, i, tokens, channelOf, offset);
  }

  /**
   * As {@link #encode(Observation, History, int, int[], byte[], int)}, with {@code memory} (the
   * recalled payloads, concatenated) on the memory channel when the encoding has one.
   */
  public void encode(Observation o, byte[] memory, History history, int i, int[] tokens, byte[] channelOf,
      int offset) {
    if (history.memory() != encoding.actionMemory()) {
      throw new IllegalArgumentException("history remembers " + history.memory() + " actions but the encoding "
          + encoding.actionMemory());
    }
    int p = offset;
    p = put(tokens, channelOf, p, Vocabulary.BOS, Channel.TEXT);
    p = pad(tokens, channelOf, offset, p, Channel.TEXT);
    for (int c = 0; c < channels.size(); c++) {
      Channel ch = channels.get(c);
      byte[] bytes = o.bytes(ch);
      int start = p;
      p = put(tokens, channelOf, p, Vocabulary.marker(ch), ch);
      int budget = budgets.get(c);
      for (int j = 0; j < budget; j++) {
        p = put(tokens, channelOf, p, j < bytes.length ? bytes[j] & 0xFF : Vocabulary.PAD, ch);
      }
      p = pad(tokens, channelOf, start, p, ch);
    }
    p = putMemory(memory, tokens, channelOf, p);
    if (encoding.reward()) {
      int start = p;
      p = put(tokens, channelOf, p, Vocabulary.marker(Channel.REWARD), Channel.REWARD);
      p = put(tokens, channelOf, p, rewardByte(history.reward(i)), Channel.REWARD);
      p = pad(tokens, channelOf, start, p, Channel.REWARD);
    }
    if (encoding.actionMemory() > 0) {
      int start = p;
      p = put(tokens, channelOf, p, Vocabulary.marker(Channel.MOTOR), Channel.MOTOR);
      for (int j = 0; j < encoding.actionMemory(); j++) {
        p = put(tokens, channelOf, p, history.action(i, j), Channel.MOTOR);
      }
      p = pad(tokens, channelOf, start, p, Channel.MOTOR);
    }
    int start = p;
    p = put(tokens, channelOf, p, Vocabulary.SEP, Channel.MOTOR);
    pad(tokens, channelOf, start, p, Channel.MOTOR);
  }

  private int putMemory(byte[] memory, int[] tokens, byte[] channelOf, int p) {
    int budget = encoding.memoryBytes();
    if (budget == 0) {
      return p;
    }
    int start = p;
    p = put(tokens, channelOf, p, Vocabulary.marker(Channel.MEMORY), Channel.MEMORY);
    for (int j = 0; j < budget; j++) {
      p = put(tokens, channelOf, p, j < memory.length ? memory[j] & 0xFF : Vocabulary.PAD, Channel.MEMORY);
    }
    return pad(tokens, channelOf, start, p, Channel.MEMORY);
  }

  /** Pads the part begun at {@code start} with PAD on {@code ch} up to whole groups; returns the end. */
  private int pad(int[] tokens, byte[] channelOf, int start, int p, Channel ch) {
    int end = start + whole(p - start);
    while (p < end) {
      p = put(tokens, channelOf, p, Vocabulary.PAD, ch);
    }
    return p;
  }

  /** A reward in [−1, 1] as one byte token: −1 → 0, 0 → 128, 1 → 255; outside values clamp. */
  static int rewardByte(float reward) {
    float r = Math.max(-1f, Math.min(1f, reward));
    return Math.round((r + 1f) * 127.5f);
  }

  private static int put(int[] tokens, byte[] channelOf, int p, int token, Channel ch) {
    tokens[p] = token;
    channelOf[p] = (byte) ch.ordinal();
    return p + 1;
  }
}
