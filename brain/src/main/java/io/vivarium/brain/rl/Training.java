package io.vivarium.brain.rl;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainedFor;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a learning method for a budget of environment steps and reports one {@link Point} per
 * iteration: {@code bc} (behaviour cloning), {@code dagger}, {@code ppo}, {@code grpo}, or
 * {@code bc+ppo} (cloning for a fraction of the budget, then PPO on the same brain).
 */
public final class Training {
  private Training() {}

  /** The learning methods by name. */
  public static final java.util.List<String> METHODS = java.util.List.of("bc", "dagger", "ppo", "grpo", "bc+ppo");

  /**
   * @param method one of {@link #METHODS}
   * @param steps the environment-step budget
   * @param bcFraction the part of the budget (steps, and time when limited) {@code bc+ppo} spends cloning
   * @param encoding how observations become the brain's input
   * @param seed the run's root seed
   * @param seconds a wall-clock budget in seconds, 0 for none: training stops at whichever budget ends first
   * @param imitation the options of {@code bc} and {@code dagger} and of {@code bc+ppo}'s cloning
   */
  public record Plan(String method, long steps, double bcFraction, Encoding encoding, long seed, double seconds,
      Imitation.Options imitation) {
    public Plan {
      if (!METHODS.contains(method)) {
        throw new IllegalArgumentException("unknown method '" + method + "'; known methods: " + METHODS);
      }
      if (steps < 1) {
        throw new IllegalArgumentException("the step budget must be at least 1; got " + steps);
      }
      if (!(bcFraction > 0 && bcFraction < 1)) {
        throw new IllegalArgumentException("bc fraction must be between 0 and 1 (exclusive); got " + bcFraction);
      }
      if (!(seconds >= 0) || Double.isInfinite(seconds)) {
        throw new IllegalArgumentException("the time budget must be 0 (none) or a positive number of seconds; got "
            + seconds);
      }
      java.util.Objects.requireNonNull(imitation, "imitation");
    }

    /** A plan without a time budget, with default imitation options. */
    public Plan(String method, long steps, double bcFraction, Encoding encoding, long seed) {
      this(method, steps, bcFraction, encoding, seed, 0, Imitation.Options.defaults(method.equals("dagger")));
    }
  }

  /** One iteration's progress. */
  public record Point(String phase, long envSteps, long episodes, double meanReturn, double successRate,
      double loss, double stepsPerSecond, double seconds) {
    /** The progress line for people. */
    public String line() {
      return String.format(Locale.ROOT, "%s · steps %d · episodes %d · return %.3f · success %.0f%% · loss %.4f · %.0f steps/s",
          phase, envSteps, episodes, meanReturn, 100 * successRate, loss, stepsPerSecond);
    }

    /** The CSV header matching {@link #csv()}. */
    public static String csvHeader() {
      return "phase,env_steps,episodes,mean_return,success_rate,loss,steps_per_second,seconds";
    }

    /** One CSV row. */
    public String csv() {
      return String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f,%.6f,%.1f,%.3f", phase, envSteps, episodes, meanReturn,
          successRate, loss, stepsPerSecond, seconds);
    }
  }

  /**
   * Trains {@code brain}. {@code batch} supplies the 8-instance batch for bc, dagger and ppo;
   * {@code world} supplies single worlds for grpo.
   */
  public static void run(TorchBrain brain, Supplier<WorldBatch> batch, Supplier<? extends World> world, Plan plan,
      Consumer<Point> each) {
    long start = System.nanoTime();
    String m = plan.method();
    if (!m.equals("grpo")) {
      // bc+ppo's two phases share one batch, so the curriculum cloning grew carries into PPO
      // (a fresh batch would restart it at radius 1 under a policy that already walks far).
      try (WorldBatch shared = batch.get()) {
        brain.setTrainedFor(trainedFor(shared.spec(), plan.encoding()));
        runOnBatch(brain, shared, plan, each, start);
      }
      return;
    }
    try (WorldBatch probe = batch.get()) {
      brain.setTrainedFor(trainedFor(probe.spec(), plan.encoding()));
    }
    try (Grpo g = new Grpo(brain, null, world, plan.encoding(), Grpo.Options.defaults(),
        Seeds.derive(plan.seed(), "grpo"))) {
      Grpo.Stats s;
      do {
        s = g.iterate();
        each.accept(point("grpo", s.envSteps(), s.episodes(), s.meanReturn(), s.successRate(), s.policyLoss(), start));
      } while (s.envSteps() < plan.steps() && !over(start, plan.seconds()));
    }
  }

  private static void runOnBatch(TorchBrain brain, WorldBatch shared, Plan plan, Consumer<Point> each, long start) {
    long offset = 0;
    String m = plan.method();
    if (m.equals("bc") || m.equals("dagger") || m.equals("bc+ppo")) {
      boolean both = m.equals("bc+ppo");
      long budget = both ? (long) (plan.steps() * plan.bcFraction()) : plan.steps();
      double seconds = both ? plan.seconds() * plan.bcFraction() : plan.seconds();
      try (Imitation im = new Imitation(brain, shared, plan.encoding(), plan.imitation(),
          Seeds.derive(plan.seed(), "imitation"))) {
        Imitation.Stats s;
        do {
          s = im.iterate();
          each.accept(point(plan.imitation().dagger() ? "dagger" : "bc", s.envSteps(), s.episodes(), s.meanReturn(),
              s.successRate(), s.loss(), start));
        } while (s.envSteps() < budget && !over(start, seconds));
        offset = s.envSteps();
      }
    }
    if (m.equals("ppo") || m.equals("bc+ppo")) {
      long budget = plan.steps() - offset;
      try (Ppo ppo = new Ppo(brain, shared, plan.encoding(), PpoOptions.defaults(budget),
          Seeds.derive(plan.seed(), "ppo"))) {
        Ppo.Stats s;
        do {
          s = ppo.iterate();
          each.accept(point("ppo", offset + s.envSteps(), s.episodes(), s.meanReturn(), s.successRate(),
              s.policyLoss() + 0.5 * s.valueLoss(), start));
        } while (s.envSteps() < budget && !over(start, plan.seconds()));
      }
    }
  }

  /** What a brain trained in worlds of {@code spec} through {@code encoding} is trained for. */
  public static TrainedFor trainedFor(Spec spec, Encoding encoding) {
    return new TrainedFor(spec.world(), spec.preset(), new ObservationEncoder(spec, encoding).describe());
  }

  /** Whether more than {@code seconds} (0 = no limit) have passed since {@code start}. */
  private static boolean over(long start, double seconds) {
    return seconds > 0 && (System.nanoTime() - start) / 1e9 >= seconds;
  }

  private static Point point(String phase, long steps, long episodes, double ret, double success, double loss,
      long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Point(phase, steps, episodes, ret, success, loss, steps / Math.max(seconds, 1e-9), seconds);
  }
}
