package io.vivarium.brain.learn;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A one-step test world with one-byte actions (a contextual bandit): it shows a sign, 0 or 1;
 * {@code L} is right for 0 and {@code R} for 1 (reward 1, success), anything else earns 0. A
 * policy must read the observation to beat a half.
 */
final class SignWorld implements World {
  static final Spec SPEC = new Spec("sign", "sign", Map.of(Channel.VIDEO, 1), 0, 0, Channel.MOTOR, 1,
      new byte[] {'L', 'R', 'F'}, 1);
  private SplittableRandom rng = new SplittableRandom(0);
  private int sign;

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public Observation reset(long seed) {
    rng = new SplittableRandom(seed);
    return next();
  }

  private Observation next() {
    sign = rng.nextInt(2);
    return Observation.of(Channel.VIDEO, new byte[] {(byte) sign});
  }

  @Override
  public Step step(Action action) {
    boolean right = action.firstMotor() == (sign == 0 ? 'L' : 'R');
    return new Step(next(), right ? 1 : 0, right, !right, Map.of());
  }
}
