package io.vivarium.brain.learn;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import java.util.Map;

/**
 * A test world with byte-sequence actions: each step the agent writes up to 4 bytes and earns
 * the share of the 4 places holding a byte below 128; one step an episode. Random bytes earn
 * about a half; a learner of sequences should approach 1.
 */
final class LowBytesWorld implements World {
  static final Spec SPEC = new Spec("low-bytes", "low-bytes", Map.of(Channel.VIDEO, 1), 0, 0, Channel.MOTOR, 4,
      new byte[0], 1);

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public Observation reset(long seed) {
    return Observation.of(Channel.VIDEO, new byte[] {1});
  }

  @Override
  public Step step(Action action) {
    int low = 0;
    for (int i = 0; i < Math.min(4, action.motor().length); i++) {
      low += (action.motor()[i] & 0xFF) < 128 ? 1 : 0;
    }
    return new Step(reset(0), low / 4.0, true, false, Map.of());
  }
}
