package io.vivarium.colony.runtime;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.rl.Encoding;
import io.vivarium.brain.rl.ObservationEncoder;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.Worlds;

/**
 * The checks a colony's configuration must pass before anything starts (the broker, the zoo,
 * the data directory): the learning method, the world and preset names, and whether the learner
 * fits the world and the brain. {@code vivarium run} calls it before touching anything, and
 * {@link Colony}'s constructor again. Stateless and thread-safe.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * Throws an {@link IllegalArgumentException} naming the key, the rule, the bad value and the
   * fix when the colony runtime cannot run {@code config}.
   */
  public static void check(VivariumConfig config) {
    String method = config.learn().method();
    if (!method.equals("ppo") && !method.equals("bc+ppo")) {
      throw new IllegalArgumentException("vivarium run trains with learn.method=bc+ppo or ppo; got '" + method
          + "' (bc and grpo alone are available in 'vivarium train gold')");
    }
    BrainShape shape = BrainShape.of(config.brain()); // checks the brain's dimensions
    WorldBatch b;
    try {
      b = Worlds.get(config.world().name()).batch(config.world().preset(), 1); // checks names and modifiers
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("world.preset: " + e.getMessage(), e);
    }
    try (b) {
      Spec spec = b.spec();
      if (spec.actionAlphabet().length < 2) {
        throw new IllegalArgumentException("learn.method=" + method + " needs a world with a one-byte action "
            + "alphabet of 2 or more actions; world.name=" + config.world().name() + " declares "
            + spec.actionAlphabet().length + "; use world.name=gold");
      }
      if (method.equals("bc+ppo") && !(b instanceof Expert)) {
        throw new IllegalArgumentException("learn.method=bc+ppo clones the world's expert, but "
            + config.world().name() + " has none; use learn.method=ppo");
      }
      int prefix = new ObservationEncoder(spec, Encoding.defaults()).length();
      if (prefix > shape.block()) {
        throw new IllegalArgumentException("brain.block must hold the observation prefix of world.preset="
            + config.world().preset() + " (" + prefix + " tokens); got " + shape.block()
            + "; use a larger brain.block or a smaller preset");
      }
    }
  }
}
