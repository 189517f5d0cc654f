package io.vivarium.core.config;

/** The learning-rate schedule: linear warm-up, then constant, linear or cosine decay over a known budget. */
public record ScheduleConfig(
    @Doc("Decay after warm-up: constant, linear (to 0) or cosine (to minFraction of the peak); linear and "
        + "cosine need a budget (train commands have one; a colony runs open-ended, so it stays constant).")
        @OneOf({"constant", "linear", "cosine"}) String decay,
    @Doc("Warm-up updates, rising linearly to the peak.") @Range(min = 0, max = 1_000_000_000) int warmup,
    @Doc("The cosine decay's end as a fraction of the peak.") @Range(min = 0, max = 1) double minFraction) {

  public static ScheduleConfig defaults() {
    return new ScheduleConfig("constant", 0, 0.1);
  }
}
