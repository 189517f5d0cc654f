package io.vivarium.cli;

import io.vivarium.bench.colony.ColonyBench;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium bench colony}: the colony {@code vivarium run} starts, measured in a temporary data directory. */
@Command(name = "colony", mixinStandardHelpOptions = true,
    description = {"Measure the machine's fp32 peak (an FMA probe), then run the colony vivarium run would start"
        + " (defaults, --config, KEY=VALUE) without bus or zookeeper in a temporary data directory for M minutes;"
        + " prints env_steps_per_second, env_steps_per_cpu_second, act and learn seconds, update_gflops,"
        + " act_gflops, update_peak_ratio, resident memory and the load as key: value lines."})
final class BenchColonyCommand extends VivariumCommand {
  @Option(names = "--minutes", paramLabel = "M", description = "Minutes the colony runs, warm-up included"
      + " (default: ${DEFAULT-VALUE}).")
  double minutes = 3;

  @Option(names = "--warmup", paramLabel = "S", description = "Seconds at the start that are not measured"
      + " (default: ${DEFAULT-VALUE}).")
  double warmup = 30;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
      description = "Configuration overrides, as vivarium run takes them, e.g. colony.agents=16 brain.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    ColonyBench.Options options = new ColonyBench.Options(minutes, warmup);
    List<String> all = new ArrayList<>(overrides);
    all.add("bus.enabled=false"); // last, so that no override turns them back on
    all.add("zoo.enabled=false");
    try (var p = Bars.timed(progress(), "bench colony", Math.round(minutes * 60))) {
      new ColonyBench(out()).run(config(all), options);
    }
    return 0;
  }
}
