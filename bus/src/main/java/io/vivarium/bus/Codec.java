package io.vivarium.bus;

/**
 * Turns one kind of payload into bytes and back. {@link #decode} is the bus's edge: it must
 * reject anything malformed with an {@link IllegalArgumentException} that says what was wrong,
 * and never throw anything else.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <T> the payload type
 */
public interface Codec<T> {
  /** The payload as bytes; a value the codec cannot carry is an IllegalArgumentException. */
  byte[] encode(T value);

  /** The payload in {@code bytes}; malformed bytes are an IllegalArgumentException. */
  T decode(byte[] bytes);
}
