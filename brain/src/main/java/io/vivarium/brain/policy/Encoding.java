package io.vivarium.brain.policy;

import io.vivarium.brain.BrainShape;
import io.vivarium.core.Channel;
import java.util.List;

/**
 * How a world's observation is laid out as the brain's prefix (see {@link ObservationEncoder}).
 *
 * @param channels observation channels to include, in order; those the world never fills are skipped
 * @param maxBytes the most bytes taken from one channel
 * @param actionMemory how many previous actions to show (seed 001's "action memory"), 0 for none
 * @param reward whether to show the previous step's reward
 * @param memoryBytes the bytes of recalled memories shown on the memory channel (seed 000's
 *     "related previous output"), 0 for no memory channel
 * @param group tokens read at one position of the brain (its {@code BrainShape.group}): 1 = one
 *     token per position; with more, every part of the prefix is cut into groups of this many
 *     tokens, its last group padded
 * @param patch 0 to read the {@code video} channel's bytes; P above 0 to read the world's picture
 *     instead, cut into P×P patches (the brain's {@code BrainShape.patch}), for worlds whose spec
 *     says {@code pictureForVideo}
 */
public record Encoding(List<Channel> channels, int maxBytes, int actionMemory, boolean reward,
    int memoryBytes, int group, int patch) {
  /** The largest memory channel budget. */
  public static final int MAX_MEMORY_BYTES = 4096;
  /** Tokens per position for worlds with one-byte actions when {@code brain.group} is 0 (auto). */
  public static final int ONE_BYTE_GROUP = 8;

  /** An encoding that reads the video bytes, not the picture. */
  public Encoding(List<Channel> channels, int maxBytes, int actionMemory, boolean reward, int memoryBytes,
      int group) {
    this(channels, maxBytes, actionMemory, reward, memoryBytes, group, 0);
  }

  /** An encoding without a memory channel, one token per position. */
  public Encoding(List<Channel> channels, int maxBytes, int actionMemory, boolean reward) {
    this(channels, maxBytes, actionMemory, reward, 0, 1);
  }

  /** An encoding with one token per position. */
  public Encoding(List<Channel> channels, int maxBytes, int actionMemory, boolean reward, int memoryBytes) {
    this(channels, maxBytes, actionMemory, reward, memoryBytes, 1);
  }

  public Encoding {
    channels = List.copyOf(channels);
    if (channels.contains(Channel.REWARD)) {
      throw new IllegalArgumentException("encoding channels must not list reward (it has its own field reward); got "
          + channels);
    }
    if (channels.contains(Channel.MOTOR) && actionMemory > 0) {
      throw new IllegalArgumentException("encoding channels must not list motor together with actionMemory (the "
          + "last actions would be shown twice); got " + channels + " with actionMemory " + actionMemory);
    }
    if (maxBytes < 1 || maxBytes > 4096) {
      throw new IllegalArgumentException("encoding maxBytes must be between 1 and 4096; got " + maxBytes);
    }
    if (actionMemory < 0 || actionMemory > 64) {
      throw new IllegalArgumentException("encoding actionMemory must be between 0 and 64; got " + actionMemory);
    }
    if (memoryBytes < 0 || memoryBytes > MAX_MEMORY_BYTES) {
      throw new IllegalArgumentException("encoding memoryBytes must be between 0 and " + MAX_MEMORY_BYTES
          + "; got " + memoryBytes);
    }
    if (group < 1 || group > io.vivarium.brain.BrainShape.MAX_GROUP) {
      throw new IllegalArgumentException("encoding group must be between 1 and " + io.vivarium.brain.BrainShape.MAX_GROUP
          + "; got " + group);
    }
    if (patch < 0 || patch > 64) {
      throw new IllegalArgumentException("encoding patch must be 0 (read the video bytes) or a patch side up to 64;"
          + " got " + patch);
    }
    if (channels.contains(Channel.MEMORY)) {
      throw new IllegalArgumentException("encoding channels must not list memory (it has its own field"
          + " memoryBytes); got " + channels);
    }
  }

  /** This encoding with a memory channel of {@code bytes} bytes (0 removes it). */
  public Encoding withMemory(int bytes) {
    return new Encoding(channels, maxBytes, actionMemory, reward, bytes, group, patch);
  }

  /** This encoding read {@code tokens} per position (a brain's {@code BrainShape.group}). */
  public Encoding withGroup(int tokens) {
    return new Encoding(channels, maxBytes, actionMemory, reward, memoryBytes, tokens, patch);
  }

  /** This encoding reading the picture as {@code side}×{@code side} patches instead of the video bytes (0: not). */
  public Encoding withPicture(int side) {
    return new Encoding(channels, maxBytes, actionMemory, reward, memoryBytes, group, side);
  }

  /**
   * The encoding for a world of {@code spec}: {@link #defaults()} for one-byte actions; for byte
   * sequences (programs, text) every channel the world fills (its own motor channel first — exec's
   * last output — then video, text, touch, noise, up to 512 bytes each: a repair passage must be
   * seen whole) and the last reward, without action memory (the world shows the last action
   * itself where it matters, as exec's {@code motor} channel does). A spec that says
   * {@code pictureForVideo} is read through its picture, in patches of {@link BrainShape#PATCH}.
   */
  public static Encoding forSpec(io.vivarium.core.world.Spec spec) {
    Encoding e = ActionSpace.of(spec).oneByte() ? defaults()
        : new Encoding(List.of(Channel.MOTOR, Channel.VIDEO, Channel.TEXT, Channel.TOUCH, Channel.NOISE), 512, 0,
            true);
    return spec.pictureForVideo() ? e.withPicture(BrainShape.PATCH) : e;
  }

  /**
   * The tokens a brain for worlds of {@code spec} reads per position: {@code configured}
   * ({@code brain.group}), or with 0 the world's kind decides: {@link #ONE_BYTE_GROUP} for one-byte
   * actions, whose prefix is read whole, 1 for byte sequences, which are written a token at a time.
   *
   * @throws IllegalArgumentException for groups above 1 in a world of byte sequences
   */
  public static int group(int configured, io.vivarium.core.world.Spec spec) {
    boolean oneByte = ActionSpace.of(spec).oneByte();
    if (configured == 0) {
      return oneByte ? ONE_BYTE_GROUP : 1;
    }
    if (configured > 1 && !oneByte) {
      throw new IllegalArgumentException("brain.group is " + configured + " but " + spec.world() + " acts in byte"
          + " sequences, which a brain writes one token per position; set brain.group=1 or 0 (auto)");
    }
    return configured;
  }

  /** The default: the grid (video), the mission (text), the last 4 actions and the last reward. */
  public static Encoding defaults() {
    return new Encoding(List.of(Channel.VIDEO, Channel.TEXT), 256, 4, true);
  }
}
