package io.vivarium.colony.runtime;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.ObservationEncoder;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Spec;

/**
 * How a colony's brains fit its world: the observation encoding (with a memory channel when the
 * shared memory is on) and the brain shape. The prefix and the longest action must fit the
 * brain's block; with {@code brain.block = 0} the preset's block grows to fit (exec's programs
 * and repair's text need more than {@code tiny}'s 128 positions), an explicit block too small is
 * an error. For one-byte worlds the memory channel takes what room the block leaves, as before
 * blocks could grow. The brain reads {@link Encoding#group} tokens per position (its shape's and the
 * encodings' group); the block counts positions. A world read through its picture puts its patches
 * before the prefix: they do not count against the block, but the patch grid must fit the brain's
 * {@code grid}. Immutable.
 *
 * @param encoding how observations become the brain's prefix, memory channel included
 * @param plain the same without the memory channel (cloning founders see no memories)
 * @param shape the brain's shape
 */
public record BrainFit(Encoding encoding, Encoding plain, BrainShape shape) {

  /** The fit of {@code config}'s brains to worlds of {@code spec}. */
  public static BrainFit of(VivariumConfig config, Spec spec) {
    ActionSpace space = ActionSpace.of(spec);
    int group = Encoding.group(config.brain().group(), spec);
    Encoding base = Encoding.forSpec(spec).withGroup(group);
    BrainShape shape = BrainShape.of(config.brain()).withGroup(group);
    int action = space.oneByte() ? 0 : space.maxBytes() + 1;
    ObservationEncoder seen = new ObservationEncoder(spec, base);
    if (seen.patchSide() > shape.grid()) {
      throw new IllegalArgumentException(spec.world() + " " + spec.preset() + " is read as a picture of "
          + seen.patchSide() + " patches per side but the brain's patch grid is " + shape.grid() + "x" + shape.grid()
          + "; use a smaller room or picture");
    }
    int prefix = seen.positions();
    Encoding withMemory = base;
    if (config.memory().enabled() && config.memory().k() > 0) {
      int room = (shape.block() - prefix - action) * group - 1; // - 1: the memory marker
      int bytes = space.oneByte() ? Math.min(config.memory().contextBytes(), room)
          : Math.min(config.memory().contextBytes(), Encoding.MAX_MEMORY_BYTES);
      withMemory = base.withMemory(Math.max(0, bytes));
    }
    int needed = new ObservationEncoder(spec, withMemory).positions() + action;
    if (needed > shape.block()) {
      if (config.brain().block() != 0) {
        throw new IllegalArgumentException("brain.block is " + config.brain().block() + " but " + spec.world() + " "
            + spec.preset() + " needs " + needed + " positions (observation prefix plus the longest action); raise "
            + "brain.block to " + needed + " or set it to 0 to fit the world");
      }
      shape = shape.with(shape.layers(), shape.heads(), shape.dim(), needed, shape.dropout());
    }
    return new BrainFit(withMemory, base, shape);
  }

  /** The encoding of an agent in {@code phase}: no memories while cloning. */
  Encoding encoding(LearnMethod phase) {
    return phase.clones() ? plain : encoding;
  }
}
