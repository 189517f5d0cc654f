package io.vivarium.core.world;

/**
 * A {@link WorldBatch} capability: episodes start at a level that grows with the agent's
 * success (gold: the radius within which the gold is placed). The colony starts a newborn's
 * curriculum where its parent's stands, and a resumed agent's where its last episode started;
 * worlds without levels do not implement it.
 */
public interface Curriculum {
  /**
   * Starts the curriculum at {@code level}, clamped to the world's range, with the world's own
   * rule for growing it.
   */
  void startCurriculum(int level);

  /** The level new episodes start at now. */
  int curriculumLevel();
}
