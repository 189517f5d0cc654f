package io.vivarium.cli;

import io.vivarium.bench.brain.PpoBench;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench ppo}: PPO training throughput on the gold world. */
@Command(name = "ppo", mixinStandardHelpOptions = true,
    description = {"PPO with the default settings on gold presets: env_steps_per_second,"
        + " ms_per_update (one minibatch of 64) and collect_ms_per_step, wall and CPU time."})
final class BenchPpoCommand extends VivariumCommand {
  @Option(names = "--presets", paramLabel = "P,…", split = ",",
      description = "Gold presets (default: gold-bare-5x5,gold-bare-6x6).")
  List<String> presets = List.of("gold-bare-5x5", "gold-bare-6x6");

  @Option(names = "--brains", paramLabel = "B,…", split = ",",
      description = "Brain presets (default: tiny,small).")
  List<String> brains = List.of("tiny", "small");

  @Option(names = "--groups", paramLabel = "G,…", split = ",",
      description = "Tokens the brain reads per position (brain.group), each measured (default: 1,8).")
  List<Integer> groups = List.of(1, 8);

  @Option(names = "--precisions", paramLabel = "P,…", split = ",",
      description = "Precisions of the update (brain.precision: fp32, bf16, auto), each measured side by side"
          + " (default: fp32,bf16).")
  List<String> precisions = List.of("fp32", "bf16");

  @Option(names = "--minibatch", paramLabel = "M",
      description = "Samples per PPO gradient step (default: learn.ppo.minibatch's default, 64).")
  int minibatch = io.vivarium.core.config.PpoConfig.defaults().minibatch();

  @Option(names = "--iterations", paramLabel = "N",
      description = "PPO iterations of 1,024 env steps each; the first is warm-up (default: ${DEFAULT-VALUE}).")
  int iterations = 2;

  @Option(names = "--threads", paramLabel = "T", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Override
  public Integer call() {
    PpoBench.run(presets, brains, groups, precisions,
        io.vivarium.core.config.PpoConfig.defaults().withMinibatch(minibatch), iterations, threads, out());
    out().flush();
    return 0;
  }
}
