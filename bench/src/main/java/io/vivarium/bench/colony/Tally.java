package io.vivarium.bench.colony;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.MetricPoint;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a colony's registry says about the turns that ended in a window of wall-clock time, every
 * agent's (dead ones' too). Each turn writes, at the agent's environment-step count after it,
 * {@code act_seconds} and {@code learn_seconds} (and {@code accuracy} when the agent cloned its
 * world's expert); every agent of a new colony starts at step 0, so the difference between an
 * agent's consecutive {@code act_seconds} steps is exactly the environment steps of that turn
 * (over all its world instances). A turn counts in the window when its row was written at or
 * after the window's start; the steps of a turn cut short by the colony's stop are in no row.
 * Immutable.
 *
 * @param turns the turns that ended in the window
 * @param cloningTurns those of them in which the agent cloned the expert
 * @param envSteps their environment steps
 * @param ppoSteps the environment steps of the turns that were not cloning (PPO in the default colony)
 * @param actSeconds their acting time summed ({@code act_seconds})
 * @param learnSeconds their learning time summed ({@code learn_seconds})
 * @param lastMillis when the last of them ended (its rows' time), or 0 when none did
 * @param medianStepsPerSecond the median of the colony's {@code steps_per_second} rows in the window, or NaN
 */
record Tally(long turns, long cloningTurns, long envSteps, long ppoSteps, double actSeconds, double learnSeconds,
    long lastMillis, double medianStepsPerSecond) {
  Tally {
    if (turns < 0 || cloningTurns < 0 || cloningTurns > turns || envSteps < 0 || ppoSteps < 0
        || ppoSteps > envSteps) {
      throw new IllegalArgumentException("a tally needs 0 <= cloning turns <= turns and 0 <= PPO steps <= env steps;"
          + " got " + cloningTurns + "/" + turns + " and " + ppoSteps + "/" + envSteps);
    }
  }

  /** Sums the turns of every agent in {@code reg} whose rows were written at or after {@code fromMillis}. */
  static Tally read(Registry reg, long fromMillis) {
    long turns = 0;
    long cloning = 0;
    long steps = 0;
    long ppo = 0;
    double act = 0;
    double learn = 0;
    long last = 0;
    for (AgentRow agent : reg.agents()) {
      List<MetricRow> rows = reg.metrics().all(agent.id()); // in the order written
      Set<Long> cloned = new HashSet<>();
      for (MetricRow r : rows) {
        if (r.name().equals("accuracy")) {
          cloned.add(r.step());
        }
      }
      long before = 0;
      for (MetricRow r : rows) {
        boolean inWindow = r.timeMillis() >= fromMillis;
        if (r.name().equals("act_seconds")) {
          long turn = r.step() - before;
          before = r.step();
          if (inWindow) {
            boolean clones = cloned.contains(r.step());
            turns++;
            cloning += clones ? 1 : 0;
            steps += turn;
            ppo += clones ? 0 : turn;
            act += r.value();
            last = Math.max(last, r.timeMillis());
          }
        } else if (r.name().equals("learn_seconds") && inWindow) {
          learn += r.value();
        }
      }
    }
    return new Tally(turns, cloning, steps, ppo, act, learn, last, medianStepsPerSecond(reg, fromMillis));
  }

  private static double medianStepsPerSecond(Registry reg, long fromMillis) {
    List<Double> values = new ArrayList<>();
    for (MetricPoint p : reg.metrics().series("colony", "steps_per_second", -1, Integer.MAX_VALUE)) {
      if (p.timeMillis() >= fromMillis) {
        values.add(p.value());
      }
    }
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
