package io.vivarium.lab.exec;

import io.vivarium.core.Json;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.worlds.exec.ExecLimits;
import io.vivarium.worlds.exec.ExecMode;
import io.vivarium.worlds.exec.ExecOutcome;
import io.vivarium.worlds.exec.ExecReward;
import io.vivarium.worlds.exec.ExecutorPool;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One program run in the exec world's sandbox, by mode name, for {@code vivarium exec}: the
 * caller gets the outcome as text and JSON without touching the world's classes.
 *
 * <p>Stateless and thread-safe; each run starts and closes its own one-worker pool.
 */
public final class ExecRuns {
  private ExecRuns() {}

  /**
   * What one run did.
   *
   * @param summary the outcome in one line (exit, signal or timeout, system calls)
   * @param histogram system calls by name, in the outcome's order
   * @param output what the program wrote, as UTF-8 (empty when nothing)
   * @param rewards every exec reward's value for this run alone, by name, in {@code ExecReward.NAMES}
   *     order ({@code global-entropy} over this program's bytes only)
   * @param json the whole outcome as one JSON object, with {@code rewards}
   */
  public record Report(String summary, Map<String, Integer> histogram, String output,
      Map<String, Double> rewards, String json) {
    public Report {
      Objects.requireNonNull(summary, "summary");
      histogram = Collections.unmodifiableMap(new LinkedHashMap<>(histogram)); // keeps the order
      rewards = Collections.unmodifiableMap(new LinkedHashMap<>(rewards));
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(json, "json");
    }
  }

  /**
   * Runs {@code program} in mode {@code mode} ({@code machine} or {@code shell}; another name is
   * refused and the known ones listed) under the mode's limits, with the wall-clock limit
   * {@code timeoutMillis} instead of the mode's when it is not null. A program that crashes or
   * hangs is a report, not an exception.
   */
  public static Report run(String mode, Integer timeoutMillis, byte[] program) {
    ExecLimits limits = ExecLimits.defaults(ExecMode.of(mode));
    if (timeoutMillis != null) {
      limits = limits.withTimeout(timeoutMillis);
    }
    ExecOutcome o;
    try (ExecutorPool pool = new ExecutorPool(limits, 1)) {
      o = pool.run(program);
    }
    Map<String, Double> rewards = rewards(program, o);
    String outcome = o.toJson();
    String json = outcome.substring(0, outcome.length() - 1) + ",\"rewards\":" + Json.write(rewards) + "}";
    return new Report(o.summary(), o.histogramByName(), new String(o.output(), StandardCharsets.UTF_8), rewards,
        json);
  }

  /** Every reward's value for one run, with counts of its own (so global entropy is the program's). */
  private static Map<String, Double> rewards(byte[] program, ExecOutcome o) {
    return ExecReward.parse(String.join("+", ExecReward.NAMES), ColonyCounts.local()).terms(program, o);
  }
}
