package io.vivarium.worlds.gold;

import io.vivarium.core.Seeds;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seed 001's "fake traces": episodes played by the {@link GoldExpert}. An episode is stored as
 * its seed and actions, since the world replays it exactly; {@link #replay} yields the
 * (observation, action) pairs an imitation learner consumes.
 *
 * <p>Stateless; thread-safe.
 */
public final class GoldDemonstrations {
  private GoldDemonstrations() {}

  /**
   * One expert episode.
   *
   * @param seed the episode seed ({@link GoldWorld#reset(long)})
   * @param actions the expert's actions
   * @param totalReturn the sum of rewards collected
   */
  public record Demonstration(long seed, byte[] actions, double totalReturn) {
    public Demonstration {
      Objects.requireNonNull(actions, "actions");
    }
  }

  /** What a learner sees at each step of a demonstration, and what the expert did. */
  public interface Sink {
    void accept(Observation observation, byte action);
  }

  /** {@code episodes} expert episodes; episode {@code k} uses {@code derive(seed, "demo", k)}. */
  public static List<Demonstration> generate(GoldPreset preset, long seed, int episodes) {
    if (episodes < 0) {
      throw new IllegalArgumentException("episodes must be 0 or more; got " + episodes);
    }
    List<Demonstration> out = new ArrayList<>(episodes);
    try (GoldWorld world = new GoldWorld(preset)) {
      for (int k = 0; k < episodes; k++) {
        long s = Seeds.derive(seed, "demo", k);
        world.reset(s);
        byte[] plan = GoldExpert.plan(world.scene());
        double total = 0;
        int taken = 0;
        while (taken < plan.length) {
          Step step = world.step(plan[taken++]);
          total += step.reward();
          if (step.done()) {
            break; // a step limit shorter than the plan ends the episode early
          }
        }
        out.add(new Demonstration(s, java.util.Arrays.copyOf(plan, taken), total));
      }
    }
    return out;
  }

  /** Replays {@code demo} in {@code preset}, handing each observation and action to the sink. */
  public static void replay(GoldPreset preset, Demonstration demo, Sink sink) {
    try (GoldWorld world = new GoldWorld(preset)) {
      Observation o = world.reset(demo.seed());
      for (byte a : demo.actions()) {
        sink.accept(o, a);
        Step s = world.step(a);
        o = s.observation();
      }
    }
  }
}
