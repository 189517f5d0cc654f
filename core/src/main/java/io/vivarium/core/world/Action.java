package io.vivarium.core.world;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an agent does: bytes on the {@code motor} channel (moves, programs) and/or on the
 * {@code text} channel (answers, speech).
 *
 * <p>Arrays are shared, not copied; treat them as read-only.
 */
public record Action(byte[] motor, byte[] text) {
  private static final byte[] NONE = new byte[0];
  private static final Action[] SINGLE = new Action[256];

  static {
    for (int b = 0; b < 256; b++) {
      SINGLE[b] = new Action(new byte[] {(byte) b}, NONE);
    }
  }

  public Action {
    Objects.requireNonNull(motor, "motor");
    Objects.requireNonNull(text, "text");
  }

  /** A one-byte motor action; instances are cached, so this never allocates. */
  public static Action motor(byte b) {
    return SINGLE[b & 0xFF];
  }

  /** A motor action of several bytes. */
  public static Action motor(byte[] bytes) {
    return new Action(bytes, NONE);
  }

  /** A text answer. */
  public static Action text(String text) {
    return new Action(NONE, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A text answer given as bytes. */
  public static Action text(byte[] bytes) {
    return new Action(NONE, bytes);
  }

  /** The first motor byte, or {@code -1} when there is none. */
  public int firstMotor() {
    return motor.length == 0 ? -1 : motor[0] & 0xFF;
  }
}
