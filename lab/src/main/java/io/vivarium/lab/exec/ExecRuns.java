package io.vivarium.lab.exec;

import io.vivarium.worlds.exec.ExecLimits;
import io.vivarium.worlds.exec.ExecMode;
import io.vivarium.worlds.exec.ExecOutcome;
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
   * @param json the whole outcome as one JSON object
   */
  public record Report(String summary, Map<String, Integer> histogram, String output, String json) {
    public Report {
      Objects.requireNonNull(summary, "summary");
      histogram = Collections.unmodifiableMap(new LinkedHashMap<>(histogram)); // keeps the order
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
    return new Report(o.summary(), o.histogramByName(), new String(o.output(), StandardCharsets.UTF_8), o.toJson());
  }
}
