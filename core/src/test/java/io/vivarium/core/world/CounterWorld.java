package io.vivarium.core.world;

import io.vivarium.core.Channel;
import java.util.Map;

/**
 * A tiny world for testing the contracts themselves: a counter starts at a seeded value in
 * [0, 10); {@code +} adds one, anything else subtracts one; reaching 10 ends the episode with
 * reward 1, and 20 steps truncate it.
 */
final class CounterWorld implements World {
  private static final Spec SPEC = new Spec("counter", "counter", Map.of(Channel.TOUCH, 1), 0, 0,
      Channel.MOTOR, 1, new byte[] {'+', '-'}, 20);
  private int value;
  private int steps;

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public Observation reset(long seed) {
    value = (int) Math.floorMod(seed, 10L);
    steps = 0;
    return observe();
  }

  @Override
  public Step step(Action action) {
    value += action.firstMotor() == '+' ? 1 : -1;
    steps++;
    boolean won = value >= 10;
    return new Step(observe(), won ? 1 : 0, won, !won && steps >= SPEC.maxSteps(), Map.of());
  }

  private Observation observe() {
    return Observation.of(Channel.TOUCH, new byte[] {(byte) value});
  }
}
