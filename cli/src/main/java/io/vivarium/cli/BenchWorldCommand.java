package io.vivarium.cli;

import io.vivarium.bench.world.WorldBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench world}: steps and frames per second of a world. */
@Command(name = "world", mixinStandardHelpOptions = true,
    description = "Measure a world's speed: steps_per_second (symbolic, batch 1024, all cores) and frames_per_second (RGB).")
final class BenchWorldCommand extends VivariumCommand {
  @Option(names = "--world", paramLabel = "W", description = "World (default: ${DEFAULT-VALUE}).")
  String world = "gold";

  @Option(names = "--preset", paramLabel = "P", description = "Preset (default: the world's first).")
  String preset;

  @Option(names = "--seconds", paramLabel = "S", description = "Seconds per measurement (default: ${DEFAULT-VALUE}).")
  double seconds = 5;

  @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--batch", paramLabel = "B", description = "Instances per batch (default: ${DEFAULT-VALUE}).")
  int batch = 1024;

  @Override
  public Integer call() {
    if (threads < 1 || batch < 1) {
      throw new IllegalArgumentException("--threads and --batch must be at least 1; got " + threads + " and " + batch);
    }
    WorldBench.run(world, preset, seconds, threads, batch, out());
    out().flush();
    return 0;
  }
}
