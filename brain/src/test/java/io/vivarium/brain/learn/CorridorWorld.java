package io.vivarium.brain.learn;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import java.util.Map;

/**
 * A test world for learners (brains may not see the real worlds): a corridor of 7 cells,
 * the agent in the middle, gold at one end chosen by the seed. {@code L} and {@code R} move,
 * {@code F} waits. Reaching the gold gives {@code 1 − 0.9 · steps / 8}; 8 steps truncate.
 * A policy must read the picture to know which way to go.
 */
final class CorridorWorld implements World {
  static final Spec SPEC = new Spec("corridor", "corridor", Map.of(Channel.VIDEO, 7), 0, 0,
      Channel.MOTOR, 1, new byte[] {'L', 'R', 'F'}, 8);
  private int agent;
  private int gold;
  private int steps;

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public Observation reset(long seed) {
    agent = 3;
    gold = (seed & 1) == 0 ? 0 : 6;
    steps = 0;
    return observe();
  }

  @Override
  public Step step(Action action) {
    int a = action.firstMotor();
    agent = Math.max(0, Math.min(6, agent + (a == 'L' ? -1 : a == 'R' ? 1 : 0)));
    steps++;
    boolean won = agent == gold;
    double reward = won ? 1 - 0.9 * steps / SPEC.maxSteps() : 0;
    return new Step(observe(), reward, won, !won && steps >= SPEC.maxSteps(), Map.of());
  }

  /** The shortest way to the gold. */
  byte expert() {
    return (byte) (gold < agent ? 'L' : 'R');
  }

  /** A serial batch of corridors whose expert walks straight to the gold. */
  static final class Batch implements WorldBatch, Expert {
    private final CorridorWorld[] worlds;
    private final WorldBatch inner;

    Batch(int n) {
      worlds = new CorridorWorld[n];
      int[] next = {0};
      inner = WorldBatch.of(() -> worlds[next[0]++] = new CorridorWorld(), n);
    }

    @Override
    public byte expertAction(int i) {
      return worlds[i].expert();
    }

    @Override
    public Spec spec() {
      return inner.spec();
    }

    @Override
    public int size() {
      return inner.size();
    }

    @Override
    public void reset(long seed) {
      inner.reset(seed);
    }

    @Override
    public void step(Action[] actions) {
      inner.step(actions);
    }

    @Override
    public Observation observation(int i) {
      return inner.observation(i);
    }

    @Override
    public float[] rewards() {
      return inner.rewards();
    }

    @Override
    public boolean[] terminated() {
      return inner.terminated();
    }

    @Override
    public boolean[] truncated() {
      return inner.truncated();
    }
  }

  private Observation observe() {
    byte[] cells = ".......".getBytes();
    cells[gold] = 'G';
    cells[agent] = 'A';
    return Observation.of(Channel.VIDEO, cells);
  }
}
