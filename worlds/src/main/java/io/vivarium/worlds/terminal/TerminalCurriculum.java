package io.vivarium.worlds.terminal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Which task an episode gets. Level L unlocks the preset's first L+1 tasks; an episode draws the
 * newest unlocked task half of the time and one of the others otherwise. The level grows when
 * the success rate over the last {@link #WINDOW} episodes reaches {@link #THRESHOLD}. Not
 * thread-safe.
 */
final class TerminalCurriculum {
  static final int WINDOW = 32;
  static final double THRESHOLD = 0.8;

  private final List<TerminalTask> tasks;
  private final boolean[] recent = new boolean[WINDOW];
  private int level;
  private int count;
  private int next;
  private int successes;

  TerminalCurriculum(List<TerminalTask> tasks) {
    this.tasks = tasks;
  }

  /** The task of the episode made from {@code random} at {@code level} (its first draw). */
  static TerminalTask task(List<TerminalTask> tasks, int level, SplittableRandom random) {
    int unlocked = Math.min(level, tasks.size() - 1);
    if (unlocked == 0 || random.nextBoolean()) {
      return tasks.get(unlocked);
    }
    return tasks.get(random.nextInt(unlocked));
  }

  int level() {
    return level;
  }

  int maxLevel() {
    return tasks.size() - 1;
  }

  /** Sets the level, clamped to the preset's tasks, and forgets the recent outcomes. */
  void start(int at) {
    level = Math.max(0, Math.min(at, maxLevel()));
    count = 0;
    next = 0;
    successes = 0;
  }

  /** Records one episode's outcome; returns whether the level grew. */
  boolean record(boolean success) {
    if (count == WINDOW) {
      successes -= recent[next] ? 1 : 0;
    } else {
      count++;
    }
    recent[next] = success;
    successes += success ? 1 : 0;
    next = (next + 1) % WINDOW;
    if (count == WINDOW && successes >= THRESHOLD * WINDOW && level < maxLevel()) {
      start(level + 1);
      return true;
    }
    return false;
  }
}
