package io.vivarium.brain.learn;

import io.vivarium.core.config.ScheduleConfig;

/**
 * The one learning-rate schedule: linear warm-up to the peak over {@code warmup} updates, then
 * constant, linear decay to 0, or cosine decay to {@code minFraction} of the peak at update
 * {@code total}. Immutable.
 *
 * @param peak the peak learning rate
 * @param decay {@code constant}, {@code linear} or {@code cosine}
 * @param warmup warm-up updates
 * @param total the update at which the decay ends (0 = unknown: constant after warm-up)
 * @param minFraction the cosine decay's end as a fraction of the peak
 */
public record Schedule(double peak, String decay, long warmup, long total, double minFraction) {
  public Schedule {
    if (!(peak > 0 && peak < 1)) {
      throw new IllegalArgumentException("the learning rate must be between 0 and 1 (exclusive); got " + peak);
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

  /** The learning rate of update {@code t} (0-based). */
  public double at(long t) {
    if (t < warmup) {
      return peak * (t + 1) / warmup;
    }
    if (total <= warmup || decay.equals("constant")) {
      return peak;
    }
    double p = Math.min(1.0, (double) (t - warmup) / (total - warmup));
    if (decay.equals("linear")) {
      return peak * (1 - p);
    }
    double min = peak * minFraction;
    return min + 0.5 * (peak - min) * (1 + Math.cos(Math.PI * p));
  }
}
