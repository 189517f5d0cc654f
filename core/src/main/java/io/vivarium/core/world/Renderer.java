package io.vivarium.core.world;

/**
 * A world capability: draws an instance for people, as a picture and as text (Minigrid's
 * {@code render}: the world owns its rendering). The colony's live view, the bus's
 * {@code video:from_world} and replays use it for any world that has it; a {@link World} is a
 * batch of one (instance 0).
 */
public interface Renderer {
  /** Instance {@code i} as a picture, or null when the world draws none. */
  Image picture(int i);

  /**
   * Instance {@code i} as text for a terminal: the world's own drawing (e.g. the gold room in
   * ASCII) and its status, without a final newline.
   */
  String text(int i);
}
