package io.vivarium.cli;

import io.vivarium.bench.exec.MeditationBench;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium bench meditation}: seed 000's exec colony against random programs. */
@Command(name = "meditation", mixinStandardHelpOptions = true,
    description = {"Random programs through the sandbox (the baseline), then the default exec colony for M minutes in a"
        + " temporary data directory; prints random_evenness, random_distinct_calls, colony_median_evenness,"
        + " colony_median_distinct_calls and programs_per_second."})
final class BenchMeditationCommand extends VivariumCommand {
  @Option(names = "--minutes", paramLabel = "M", description = "Minutes the colony runs (default: ${DEFAULT-VALUE}).")
  double minutes = 10;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the colony and the baseline (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--baseline-seconds", paramLabel = "S",
      description = "Seconds of random programs for the baseline (default: ${DEFAULT-VALUE}).")
  double baselineSeconds = 30;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
      description = "Configuration overrides on top of the exec colony's defaults, e.g. world.preset=exec-shell-256.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0 && minutes <= 24 * 60)) {
      throw new IllegalArgumentException("--minutes must be in (0, 1440]; got " + minutes);
    }
    if (!(baselineSeconds > 0 && baselineSeconds <= 3600)) {
      throw new IllegalArgumentException("--baseline-seconds must be in (0, 3600]; got " + baselineSeconds);
    }
    try (var p = Bars.timed(progress(), "bench meditation", Math.round(baselineSeconds + minutes * 60))) {
      new MeditationBench(out()).run(minutes, seed, baselineSeconds, overrides);
    }
    return 0;
  }
}
