package io.vivarium.brain.learn;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainedFor;
import io.vivarium.brain.policy.ObservationEncoder;
import io.vivarium.core.world.Spec;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.world.WorldBatch;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Trains one brain for a budget of environment steps with a learning method — {@code bc},
 * {@code dagger}, {@code ppo}, {@code grpo}, {@code bc+ppo} (cloning for a fraction of the
 * budget, then PPO on the same brain and batch) or {@code bc+grpo} (the same, then GRPO on the
 * batch reset in groups) — in CleanRL's two phases per iteration: a
 * rollout collected by acting, then the learner's update. One {@link Point} per iteration.
 */
public final class Training {
  private Training() {}

  /** The learning methods by name. */
  public static final java.util.List<String> METHODS = LearnMethod.keys(LearnMethod.BC, LearnMethod.DAGGER,
      LearnMethod.PPO, LearnMethod.GRPO, LearnMethod.BC_PPO, LearnMethod.BC_GRPO);
  /** Steps per instance in one rollout of PPO (RL Zoo's MiniGrid PPO: 8 × 128). */
  static final int PPO_STEPS = 128;
  /** Steps per instance in one rollout of cloning and GRPO. */
  static final int STEPS = 32;

  /**
   * @param method one of {@link #METHODS}
   * @param steps the environment-step budget
   * @param bcFraction the part of the budget (steps, and time when limited) {@code bc+ppo} and {@code bc+grpo} spend cloning
   * @param encoding how observations become the brain's input
   * @param seed the run's root seed
   * @param seconds a wall-clock budget in seconds, 0 for none: training stops at whichever budget ends first
   * @param learn every learner's hyper-parameters
   */
  public record Plan(String method, long steps, double bcFraction, Encoding encoding, long seed, double seconds,
      LearnConfig learn) {
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
      java.util.Objects.requireNonNull(learn, "learn");
    }

    /** A plan without a time budget: defaults, with cloning by the expert alone (drive 0) for bc. */
    public Plan(String method, long steps, double bcFraction, Encoding encoding, long seed) {
      this(method, steps, bcFraction, encoding, seed, 0, trainDefaults());
    }
  }

  /** The train commands' defaults: the colony's tree, with cloning by the expert alone. */
  public static LearnConfig trainDefaults() {
    LearnConfig d = LearnConfig.defaults();
    return d.withBc(d.bc().withDrive(0));
  }

  /** One iteration's progress, with what the update said. */
  public record Point(String phase, long envSteps, long episodes, double meanReturn, double successRate,
      double loss, double stepsPerSecond, double seconds, Stats stats) {
    /** The progress line for people. */
    public String line() {
      return String.format(Locale.ROOT, "%s · steps %d · episodes %d · return %.3f · success %.0f%% · loss %.4f · %.0f steps/s",
          phase, envSteps, episodes, meanReturn, 100 * successRate, loss, stepsPerSecond);
    }

    /** The CSV header matching {@link #csv()}. */
    public static String csvHeader() {
      return "phase,env_steps,episodes,mean_return,success_rate,loss,steps_per_second,seconds," + String.join(",",
          Stats.NAMES);
    }

    /** One CSV row. */
    public String csv() {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f,%.6f,%.1f,%.3f", phase,
          envSteps, episodes, meanReturn, successRate, loss, stepsPerSecond, seconds));
      java.util.Map<String, Double> m = stats.metrics();
      for (String name : Stats.NAMES) {
        s.append(',').append(m.containsKey(name) ? String.format(Locale.ROOT, "%.6g", m.get(name)) : "");
      }
      return s.toString();
    }
  }

  /** Trains {@code brain} on the batch {@code batch} makes (bc+ppo's and bc+grpo's phases share it, and so its curriculum). */
  public static void run(TorchBrain brain, Supplier<WorldBatch> batch, Plan plan, Consumer<Point> each) {
    long start = System.nanoTime();
    try (WorldBatch shared = batch.get()) {
      boolean grpo = LearnMethod.of(plan.method()) == LearnMethod.GRPO;
      shared.reset(Seeds.derive(plan.seed(), "worlds"), grpo ? plan.learn().grpo().group() : 1);
      Encoding encoding = plan.encoding().withGroup(brain.shape().group()); // the brain reads its own groups
      brain.setTrainedFor(trainedFor(shared.spec(), encoding));
      Senses senses = new Senses(shared.spec(), encoding, shared.size());
      long done = 0;
      LearnMethod m = LearnMethod.of(plan.method());
      if (!m.single()) {
        long budget = (long) (plan.steps() * plan.bcFraction());
        done = phase(LearnMethod.BC, brain, shared, senses, plan, budget, plan.seconds() * plan.bcFraction(), 0,
            start, each);
        m = m.afterCloning();
        if (m == LearnMethod.GRPO) {
          shared.reset(Seeds.derive(plan.seed(), "grpo-worlds"), plan.learn().grpo().group()); // groups start alike
        }
      }
      phase(m, brain, shared, senses, plan, plan.steps() - done, plan.seconds(), done, start, each);
    }
  }

  /** What a brain trained in worlds of {@code spec} through {@code encoding} is trained for. */
  public static TrainedFor trainedFor(Spec spec, Encoding encoding) {
    return new TrainedFor(spec.world(), spec.preset(), new ObservationEncoder(spec, encoding).describe());
  }

  /** One learner until {@code budget} steps or {@code seconds} (0 = none) since {@code start}; returns steps taken. */
  private static long phase(LearnMethod method, TorchBrain brain, WorldBatch batch, Senses senses, Plan plan, long budget,
      double seconds, long offset, long start, Consumer<Point> each) {
    int n = batch.size();
    int t0 = method == LearnMethod.PPO ? PPO_STEPS : STEPS;
    long updates = budget / ((long) n * t0) * plan.learn().ppo().epochs() * Math.max(1, (n * t0)
        / Math.min(plan.learn().ppo().minibatch(), n * t0));
    Schedule schedule = method == LearnMethod.PPO
        ? new Schedule(plan.learn().lr(), "linear", 0, Math.max(1, updates), 0)
        : Schedule.of(plan.learn().schedule(), Learners.peakLr(method, plan.learn()), 0);
    long seed = Seeds.derive(plan.seed(), method.key());
    try (Learner learner = Learners.create(method, brain, plan.learn(), schedule, n, seed)) {
      Actor actor = new Actor(ActionSpace.of(batch.spec()), plan.learn().grpo().temperature());
      Collector c = new Collector(brain, batch, senses, actor, learner.needs(), Seeds.random(seed, "actions", 0));
      int driven = learner.needs().brainDriven();
      EpisodeStats episodes = new EpisodeStats(n, 100, driven == 0 ? n : driven);
      long steps = 0;
      do {
        Rollout r = c.rollout(t0);
        for (int t = 0; t < t0; t++) {
          c.step(r, t);
          episodes.add(r, t);
        }
        if (learner.needs().bootstrap()) {
          c.finish(r);
        }
        Stats s = learner.update(r);
        steps += r.size();
        String phase = learner.method().key();
        double secs = (System.nanoTime() - start) / 1e9;
        each.accept(new Point(phase, offset + steps, episodes.episodes(), episodes.meanReturn(),
            episodes.successRate(), s.loss(), (offset + steps) / Math.max(secs, 1e-9), secs, s));
      } while (steps < budget && !(seconds > 0 && (System.nanoTime() - start) / 1e9 >= seconds));
      return steps;
    }
  }
}
