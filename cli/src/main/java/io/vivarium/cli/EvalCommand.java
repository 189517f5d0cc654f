package io.vivarium.cli;

import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.rl.Encoding;
import io.vivarium.brain.rl.Evaluation;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium eval}: measures a trained brain in a world against the world's expert. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measure a brain's greedy policy in a world on a fixed set of episodes.",
        "Prints mean_return, success_rate and optimal_ratio (mean return / the expert's on the same episodes)."})
final class EvalCommand extends VivariumCommand {
  @Option(names = "--brain", paramLabel = "FILE", required = true, description = "The brain file.")
  Path brainFile;

  @Option(names = "--world", paramLabel = "W", defaultValue = "gold", description = "World (default: ${DEFAULT-VALUE}).")
  String world;

  @Option(names = "--preset", paramLabel = "P", description = "World preset (default: the world's first).")
  String preset;

  @Option(names = "--episodes", paramLabel = "N", defaultValue = "256",
      description = "Episodes to play (default: ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "12345", description = "Seed of the episodes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (episodes < 1) {
      throw new IllegalArgumentException("--episodes must be at least 1; got " + episodes);
    }
    if (!Files.isRegularFile(brainFile)) {
      throw new IllegalArgumentException("brain file " + brainFile + " does not exist; train one with "
          + "'vivarium train gold --out FILE'");
    }
    WorldFactory f = Worlds.get(world);
    String p = preset != null ? preset : f.presets().get(0);
    int size = Math.min(32, episodes);
    int each = (episodes + size - 1) / size;
    Torch.start(1, dataDir());
    try (TorchBrain brain = TorchBrain.load(brainFile); WorldBatch b = f.batch(p, size); WorldBatch e = f.batch(p, size)) {
      Evaluation.Result r = Evaluation.brain(brain, b, Encoding.defaults(), each, seed);
      Evaluation.Result x = e instanceof io.vivarium.core.world.Expert ? Evaluation.expert(e, each, seed) : null;
      report(out(), r, x);
    }
    out().flush();
    return 0;
  }

  /** The result lines: {@code episodes}, {@code mean_return}, {@code success_rate}, {@code optimal_ratio}. */
  static void report(PrintWriter out, Evaluation.Result r, Evaluation.Result expert) {
    out.printf(Locale.ROOT, "episodes: %d%n", r.episodes());
    out.printf(Locale.ROOT, "mean_return: %.4f%n", r.meanReturn());
    out.printf(Locale.ROOT, "success_rate: %.4f%n", r.successRate());
    if (expert != null) {
      out.printf(Locale.ROOT, "expert_mean_return: %.4f%n", expert.meanReturn());
      out.printf(Locale.ROOT, "optimal_ratio: %.4f%n", r.meanReturn() / expert.meanReturn());
    }
  }
}
