package io.vivarium.core.world;

import io.vivarium.core.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an agent perceives after a reset or a step: bytes on named channels and, for worlds
 * that draw, an RGB picture.
 *
 * <p>Byte arrays are shared, not copied; treat them as read-only.
 *
 * @param channels bytes per channel; channels a world does not use are absent
 * @param image the picture, or {@code null} when the world draws none (or was not asked to)
 */
public record Observation(Map<Channel, byte[]> channels, Image image) {
  private static final byte[] NONE = new byte[0];

  public Observation {
    Objects.requireNonNull(channels, "channels");
    EnumMap<Channel, byte[]> copy = new EnumMap<>(Channel.class);
    channels.forEach((c, b) -> copy.put(c, Objects.requireNonNull(b, c.key())));
    channels = Collections.unmodifiableMap(copy);
  }

  /** An observation with bytes on one channel and no picture. */
  public static Observation of(Channel channel, byte[] bytes) {
    return new Observation(Map.of(channel, bytes), null);
  }

  /** The bytes on {@code channel}, empty when the channel is absent. */
  public byte[] bytes(Channel channel) {
    return channels.getOrDefault(channel, NONE);
  }

  /** Whether the observation carries a picture. */
  public boolean hasImage() {
    return image != null;
  }
}
