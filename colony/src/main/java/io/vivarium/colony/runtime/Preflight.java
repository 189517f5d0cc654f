package io.vivarium.colony.runtime;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.BrainFile;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Every check a colony's configuration must pass before anything starts (broker, console, data
 * directory): the evaluator a reward asks for is there, the world and its preset exist, the
 * learning method fits the world, the groups and the brain fit. Each failure is one
 * {@link IllegalArgumentException} naming the key, the rule and the fix. Stateless.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * What a checked configuration runs: the world's spec (as agents see it, with people's text),
   * the learning method with {@code auto} resolved, the steps of a turn, and the evaluator brain
   * file ({@code world.evaluator}, checked; null without one).
   */
  record Plan(Spec spec, LearnMethod method, int turnSteps, Path evaluator) {}

  /**
   * Checks {@code config}.
   *
   * @throws IllegalArgumentException naming what does not fit and how to fix it
   */
  public static void check(VivariumConfig config) {
    plan(config);
  }

  /**
   * Checks {@code config} and says what it runs; reads the world's spec once and starts nothing.
   *
   * @throws IllegalArgumentException naming what does not fit and how to fix it
   */
  static Plan plan(VivariumConfig config) {
    Path evaluator = Evaluator.check(config.world());
    Spec spec;
    WorldFactory f;
    try {
      f = Worlds.get(config.world().name());
      // checks names and modifiers, starts nothing; the colony's counts do not matter here
      spec = f.spec(config.world().preset(), new WorldContext(config.world(), ColonyCounts.local()));
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(m.startsWith("world.") ? m : "world.preset: " + m, e);
    }
    boolean expert = f.hasExpert(config.world().preset());
    LearnMethod method = Methods.resolve(config, spec, expert);
    String world = config.world().name() + " " + config.world().preset();
    boolean oneByte = ActionSpace.of(spec).oneByte();
    if (!oneByte && method != LearnMethod.GRPO && method != LearnMethod.PPO) {
      throw new IllegalArgumentException("learn.method=" + method + " needs a world with a one-byte action alphabet; "
          + world + " acts with byte sequences (programs, text): use learn.method=grpo or ppo (or auto)");
    }
    if (method.clones() && !expert) {
      throw new IllegalArgumentException("learn.method=" + method + " clones the world's expert, but " + world
          + " has none; use learn.method=ppo (or auto)");
    }
    int group = config.learn().grpo().group();
    if (method == LearnMethod.GRPO && config.world().batch() % group != 0) {
      throw new IllegalArgumentException("learn.method=grpo splits world.batch=" + config.world().batch()
          + " instances into groups of learn.grpo.group=" + group + "; make world.batch a multiple of it");
    }
    Spec seen = TalkBatch.spec(spec, config.bus().textBytes());
    BrainFit fit = BrainFit.of(config, seen);
    founderBrain(config, fit.shape());
    return new Plan(seen, method, Methods.turnSteps(config, spec), evaluator);
  }

  /**
   * The file {@code colony.founderBrain} names, read and checked against the colony's {@code
   * shape} (plain Java: no engine needed); null when none is named.
   *
   * @throws IllegalArgumentException when the file cannot be read or its shape is not the colony's
   */
  static Path founderBrain(VivariumConfig config, BrainShape shape) {
    String file = config.colony().founderBrain();
    if (file.isEmpty()) {
      return null;
    }
    BrainShape found;
    try {
      found = BrainFile.read(Path.of(file)).shape();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("colony.founderBrain=" + file + " cannot be read as a brain file ("
          + e.getMessage() + "); give a file saved by vivarium train, or leave it empty for fresh brains", e);
    }
    if (!found.equals(shape)) {
      throw new IllegalArgumentException("colony.founderBrain=" + file + " has the shape " + found
          + " but this colony's brains are " + shape + "; train it with the colony's brain settings (e.g."
          + " brain.block=" + shape.block() + ") or set them to the file's");
    }
    return Path.of(file);
  }
}
