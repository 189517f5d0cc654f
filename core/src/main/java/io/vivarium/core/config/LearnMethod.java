package io.vivarium.core.config;

import java.util.Arrays;
import java.util.List;

/**
 * How brains learn, as {@code learn.method} and {@code vivarium train gold --method} name it:
 * the single learners ({@link #BC}, {@link #DAGGER}, {@link #PPO}, {@link #GRPO}) and the
 * compositions a loop's owner runs with them ({@link #BC_PPO}: cloning, then PPO; {@link #BC_GRPO}:
 * cloning, then GRPO; {@link #AUTO}: the one that fits the world). Immutable.
 */
public enum LearnMethod {
  AUTO("auto"), BC("bc"), DAGGER("dagger"), PPO("ppo"), GRPO("grpo"), BC_PPO("bc+ppo"),
  BC_GRPO("bc+grpo");

  private final String key;

  LearnMethod(String key) {
    this.key = key;
  }

  /** The name in configuration files, commands, events and records. */
  public String key() {
    return key;
  }

  /** Whether this is one learner (not a composition). */
  public boolean single() {
    return this != AUTO && this != BC_PPO && this != BC_GRPO;
  }

  /** Whether it clones a world's expert (and so needs one). */
  public boolean clones() {
    return this == BC || this == DAGGER || this == BC_PPO || this == BC_GRPO;
  }

  /**
   * The learner a composition switches to when cloning ends ({@code bc+ppo}: PPO, {@code
   * bc+grpo}: GRPO); a single method is its own.
   *
   * @throws IllegalArgumentException for {@code auto}, which is resolved before anything learns
   */
  public LearnMethod afterCloning() {
    return switch (this) {
      case BC_PPO -> PPO;
      case BC_GRPO -> GRPO;
      case BC, DAGGER, PPO, GRPO -> this;
      case AUTO -> throw new IllegalArgumentException("learning method auto has no phases; resolve it first");
    };
  }

  /** The method named {@code key}; an unknown name lists the known ones. */
  public static LearnMethod of(String key) {
    for (LearnMethod m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown learning method '" + key + "'; known methods: " + keys(values()));
  }

  /** The names of {@code methods}. */
  public static List<String> keys(LearnMethod... methods) {
    return Arrays.stream(methods).map(LearnMethod::key).toList();
  }

  @Override
  public String toString() {
    return key;
  }
}
