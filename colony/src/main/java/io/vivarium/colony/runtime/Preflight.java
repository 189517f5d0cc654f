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
  record Plan(Spec spec, LearnMethod method, int turnSteps, BrainFit fit, Path evaluator) {}

  /**
   * Checks {@code config}.
   *
   * @throws IllegalArgumentException naming what does not fit and how to fix it
   */
  public static void check(VivariumConfig config) {
    plan(config);
  }

  /**
   * The learning method {@code config}'s agents start with, {@code auto} resolved for its world
   * (for tools that report what a colony runs).
   *
   * @throws IllegalArgumentException as {@link #check} does
   */
  public static LearnMethod method(VivariumConfig config) {
    return plan(config).method();
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
      f = Worlds.of(config.world());
      // checks names and modifiers, starts nothing; the colony's counts do not matter here
      spec = f.spec(config.world().preset(), new WorldContext(config.world(), ColonyCounts.local()));
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(m.startsWith("world.") ? m : "world.preset: " + m, e);
    }
    boolean oneByte = ActionSpace.of(spec).oneByte();
    boolean expert = expert(f, config, oneByte);
    LearnMethod method = Methods.resolve(config, spec, expert);
    String world = config.world().name() + " " + config.world().preset();
    if (method.clones() && !expert) {
      throw new IllegalArgumentException("learn.method=" + method + " clones the world's expert, but " + world
          + " has none" + (oneByte ? "; use learn.method=ppo (or auto)"
          : " (no answer to copy for its byte sequences); use learn.method=grpo or ppo (or auto)"));
    }
    int group = config.learn().grpo().group();
    if (method.afterCloning() == LearnMethod.GRPO && config.world().batch() % group != 0) {
      throw new IllegalArgumentException("learn.method=" + method + " splits world.batch=" + config.world().batch()
          + " instances into groups of learn.grpo.group=" + group + "; make world.batch a multiple of it");
    }
    Spec seen = TalkBatch.spec(spec, config.bus().textBytes());
    BrainFit fit = BrainFit.of(config, seen);
    founderBrain(config, fit.shape());
    return new Plan(seen, method, Methods.turnSteps(config, spec), fit, evaluator);
  }

  /**
   * The shape of the brains a colony of {@code config} makes, its block grown to fit the world
   * when {@code brain.block} is 0: a founder brain ({@code colony.founderBrain}) must have it.
   *
   * @throws IllegalArgumentException as {@link #check} does
   */
  public static BrainShape brainShape(VivariumConfig config) {
    return plan(config).fit().shape();
  }

  /**
   * How an agent of a colony of {@code config} sees its world: the spec with people's text and
   * the prefix encoding, memory channel included; for evaluations that act as its agents do.
   *
   * @throws IllegalArgumentException as {@link #check} does
   */
  public static AgentView agentView(VivariumConfig config) {
    Plan p = plan(config);
    return new AgentView(p.spec(), p.fit().encoding());
  }

  /** What an agent sees: the world's spec as agents see it and the encoding of its prefix. */
  public record AgentView(Spec spec, io.vivarium.brain.policy.Encoding encoding) {}

  /**
   * Whether the world has the expert of its kind of action ({@link io.vivarium.core.world.Expert}
   * for one-byte actions, {@link io.vivarium.core.world.TextExpert} for byte sequences); asked only
   * when the method is {@code auto} or clones, so that other runs start no batch to find out.
   */
  private static boolean expert(WorldFactory f, VivariumConfig config, boolean oneByte) {
    LearnMethod m = config.learn().learnMethod();
    if (m != LearnMethod.AUTO && !m.clones()) {
      return false;
    }
    String preset = config.world().preset();
    return oneByte ? f.hasExpert(preset)
        : f.hasTextExpert(preset, new WorldContext(config.world(), ColonyCounts.local()));
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
    boolean auto = config.brain().group() == 0; // the founders read what their file's brain reads
    if (!found.equals(auto ? shape.withGroup(found.group()) : shape)) {
      throw new IllegalArgumentException("colony.founderBrain=" + file + " has the shape " + found
          + " but this colony's brains are " + shape + "; train it with the colony's brain settings (e.g."
          + " brain.block=" + shape.block() + ") or set them to the file's");
    }
    return Path.of(file);
  }
}
