package io.vivarium.brain;

import io.vivarium.core.Channel;
import java.util.Objects;

/**
 * How bytes are drawn from the brain: temperature (0 = greedy), top-k (0 = all candidates),
 * at most {@code maxBytes} bytes, stopping after {@code stopByte} (-1 = none) or at
 * {@code <eos>}; generated tokens travel on {@code channel}.
 *
 * <p>Immutable.
 */
public record Sampling(double temperature, int topK, int maxBytes, int stopByte, Channel channel) {
  public Sampling {
    Objects.requireNonNull(channel, "channel");
    if (!(temperature >= 0 && temperature <= 100)) {
      throw new IllegalArgumentException(
          "temperature must be between 0 (greedy) and 100; got " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("top-k must be 0 (all) or positive; got " + topK);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("max bytes must be at least 1; got " + maxBytes);
    }
    if (stopByte < -1 || stopByte > 255) {
      throw new IllegalArgumentException(
          "stop byte must be -1 (none) or a byte value 0..255; got " + stopByte);
    }
  }

  /** Plain sampling of {@code maxBytes} text bytes at temperature 1, no stop byte. */
  public static Sampling text(int maxBytes) {
    return new Sampling(1.0, 0, maxBytes, -1, Channel.TEXT);
  }

  /** This sampling with another temperature. */
  public Sampling withTemperature(double t) {
    return new Sampling(t, topK, maxBytes, stopByte, channel);
  }

  /** This sampling with another top-k. */
  public Sampling withTopK(int k) {
    return new Sampling(temperature, k, maxBytes, stopByte, channel);
  }

  /** This sampling with a stop byte. */
  public Sampling withStopByte(int b) {
    return new Sampling(temperature, topK, maxBytes, b, channel);
  }
}
