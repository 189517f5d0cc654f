package io.vivarium.core.world;

import java.util.Locale;

/**
 * A world capability: names its one-byte actions for people, e.g. a keyboard's {@code a},
 * {@code Space}, {@code Enter}. The zookeeper's live view and replays show an agent's recent
 * actions by these names for any world that has it ({@code world instanceof ActionNames}), and by
 * {@link #plain} otherwise. Implementations are stateless for naming, so thread-safe.
 */
public interface ActionNames {
  /** A short name of the motor byte {@code action} (no spaces), the same for the same byte every time. */
  String actionName(byte action);

  /** The name of {@code action} by {@code world}'s naming when it has one, else {@link #plain}. */
  static String of(Object world, byte action) {
    return world instanceof ActionNames n ? n.actionName(action) : plain(action);
  }

  /** The default name: the byte's character when it is printable ASCII other than space, else {@code 0xNN}. */
  static String plain(byte action) {
    int c = action & 0xFF;
    return c > 0x20 && c < 0x7F ? Character.toString(c) : String.format(Locale.ROOT, "0x%02x", c);
  }
}
