package io.vivarium.core.world;

/**
 * How agents live in a world ({@code world.mode}): {@code plain} acts on the world directly; other
 * modes wrap its factory (e.g. {@code weave}: each action is a tick of typed blocks). Found with
 * {@link java.util.ServiceLoader} and looked up by {@link Worlds#of}. Implementations are
 * stateless and thread-safe.
 */
public interface WorldMode {
  /** The mode's name, the value of {@code world.mode}. */
  String name();

  /**
   * The factory of {@code inner} as this mode makes it.
   *
   * @throws IllegalArgumentException when {@code inner} cannot live in this mode, naming why
   */
  WorldFactory wrap(WorldFactory inner);
}
