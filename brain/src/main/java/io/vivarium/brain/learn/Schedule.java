package io.vivarium.brain.learn;

import io.vivarium.core.config.ScheduleConfig;

/**
 * The one learning-rate schedule of every learner and trainer: linear warm-up to the peak over
 * {@code warmup} updates (update {@code t} gets {@code peak·(t+1)/(warmup+1)}), then constant,
 * linear decay to 0, or cosine decay to {@code minFraction} of the peak at update {@code total}
 * — or, for work with a time budget, over the spent share of the budget ({@link #at(long,
 * double)}). Immutable.
 *
 * @param peak the peak learning rate
 * @param decay {@code constant}, {@code linear} or {@code cosine}
 * @param warmup warm-up updates
 * @param total the update at which the decay ends (0 = unknown: constant after warm-up)
 * @param minFraction the cosine decay's end as a fraction of the peak
 */
public record Schedule(double peak, String decay, long warmup, long total, double minFraction) {
  public Schedule {
    if (!(peak > 0) || Double.isInfinite(peak)) {
      throw new IllegalArgumentException("the learning rate must be a positive finite number; got " + peak);
    }
    if (!decay.equals("constant") && !decay.equals("linear") && !decay.equals("cosine")) {
      throw new IllegalArgumentException("schedule decay must be constant, linear or cosine; got '" + decay + "'");
    }
    if (warmup < 0 || total < 0 || !(minFraction >= 0 && minFraction <= 1)) {
      throw new IllegalArgumentException("a schedule needs warmup >= 0, total >= 0 and 0 <= minFraction <= 1; got "
          + warmup + ", " + total + ", " + minFraction);
    }
  }

  /** A constant learning rate. */
  public static Schedule constant(double peak) {
    return new Schedule(peak, "constant", 0, 0, 1);
  }

  /** The schedule {@code config} describes at {@code peak}, decaying over {@code total} updates (0 = unknown). */
  public static Schedule of(ScheduleConfig config, double peak, long total) {
    return new Schedule(peak, config.decay(), config.warmup(), total, config.minFraction());
  }

  /** The learning rate of update {@code t} (0-based); the decay runs over updates {@code warmup} to {@code total}. */
  public double at(long t) {
    if (total <= warmup) {
      return t < warmup ? at(t, 0) : peak; // no budget: constant after warm-up
    }
    return at(t, (double) (t - warmup) / (total - warmup));
  }

  /**
   * The learning rate of update {@code t} when the share {@code done} of the budget is spent:
   * warm-up by updates, decay by the share (past 1 it stays at the end value).
   */
  public double at(long t, double done) {
    if (t < warmup) {
      return peak * (t + 1) / (warmup + 1);
    }
    double p = Math.max(0, Math.min(1.0, done));
    return switch (decay) {
      case "linear" -> peak * (1 - p);
      case "cosine" -> peak * minFraction + 0.5 * (peak - peak * minFraction) * (1 + Math.cos(Math.PI * p));
      default -> peak;
    };
  }

  /** Warm-up, then cosine decay to a tenth of the peak: the language-model and tutorial trainers' schedule. */
  public static Schedule cosine(double peak, long warmup, long total) {
    return new Schedule(peak, "cosine", warmup, total, 0.1);
  }
}
