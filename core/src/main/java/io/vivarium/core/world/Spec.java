package io.vivarium.core.world;

import io.vivarium.core.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a world promises about its observations and actions, so that a brain can be shaped for
 * it without knowing the world.
 *
 * @param world the world's registered name, e.g. {@code gold}
 * @param preset the preset it was built from, e.g. {@code gold-bare-6x6}
 * @param maxBytes the most bytes each channel of an observation carries
 * @param imageWidth picture width in pixels, 0 when the world draws none
 * @param imageHeight picture height in pixels, 0 when the world draws none
 * @param actionChannel the channel actions are read from ({@code motor} or {@code text})
 * @param actionBytes the most bytes of an action that the world reads
 * @param actionAlphabet the meaningful action bytes; empty when every byte is meaningful
 * @param maxSteps the step limit of an episode
 * @param pictureForVideo whether a brain reads the picture in place of the {@code video}
 *     channel's bytes (the picture shows the same scene; e.g. gold's {@code +pixels}); needs a
 *     picture
 */
public record Spec(
    String world,
    String preset,
    Map<Channel, Integer> maxBytes,
    int imageWidth,
    int imageHeight,
    Channel actionChannel,
    int actionBytes,
    byte[] actionAlphabet,
    int maxSteps,
    boolean pictureForVideo) {

  /** A spec whose brains read the {@code video} channel's bytes, picture or not. */
  public Spec(String world, String preset, Map<Channel, Integer> maxBytes, int imageWidth, int imageHeight,
      Channel actionChannel, int actionBytes, byte[] actionAlphabet, int maxSteps) {
    this(world, preset, maxBytes, imageWidth, imageHeight, actionChannel, actionBytes, actionAlphabet, maxSteps,
        false);
  }

  public Spec {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(actionChannel, "actionChannel");
    Objects.requireNonNull(actionAlphabet, "actionAlphabet");
    EnumMap<Channel, Integer> copy = new EnumMap<>(Channel.class);
    copy.putAll(maxBytes);
    maxBytes = Collections.unmodifiableMap(copy);
    if (imageWidth < 0 || imageHeight < 0 || (imageWidth == 0) != (imageHeight == 0)) {
      throw new IllegalArgumentException(
          "image size must be both zero or both positive; got " + imageWidth + "x" + imageHeight);
    }
    if (actionBytes < 1) {
      throw new IllegalArgumentException("actionBytes must be at least 1; got " + actionBytes);
    }
    if (pictureForVideo && imageWidth == 0) {
      throw new IllegalArgumentException("spec of " + world + " " + preset + ": pictureForVideo needs a picture;"
          + " got image size 0x0; draw a picture or read the video bytes");
    }
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1; got " + maxSteps);
    }
  }

  /** The byte budget of {@code channel}, 0 when the world never uses it. */
  public int maxBytes(Channel channel) {
    return maxBytes.getOrDefault(channel, 0);
  }

  /** Whether observations carry a picture. */
  public boolean hasImage() {
    return imageWidth > 0;
  }
}
