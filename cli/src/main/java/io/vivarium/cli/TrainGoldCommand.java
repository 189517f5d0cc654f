package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.learn.Training;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.core.config.BcConfig;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.lab.gold.GoldTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium train gold}: trains a brain in the gold world and saves it with its learning
 * curve ({@link GoldTraining}).
 */
@Command(name = "gold", mixinStandardHelpOptions = true,
    description = {"Train a brain in the gold world, then save it; the learning curve goes beside it as FILE.csv.",
        "Prints one progress line per iteration, then mean_return, success_rate and optimal_ratio of the greedy "
            + "policy on held-out episodes of the whole room, and the sampled policy's mean return and success."})
final class TrainGoldCommand extends VivariumCommand {
  @Option(names = "--method", paramLabel = "M", defaultValue = "bc+ppo",
      description = "bc, dagger, ppo, grpo or bc+ppo (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--preset", paramLabel = "P", defaultValue = "gold-bare-5x5",
      description = "Gold world preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "100000",
      description = "Environment steps to train for (default: ${DEFAULT-VALUE}).")
  long steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--brain-preset", paramLabel = "B", description = "Brain preset (default: brain.preset).")
  String brainPreset;

  @Option(names = "--no-curriculum", description = "Place the gold anywhere from the start.")
  boolean noCurriculum;

  @Option(names = "--bc-fraction", paramLabel = "F", defaultValue = "0.2",
      description = "Part of the budget bc+ppo spends cloning (default: ${DEFAULT-VALUE}).")
  double bcFraction;

  @Option(names = "--minutes", paramLabel = "M", defaultValue = "0",
      description = "Wall-clock budget: stop when it or --steps runs out; bc+ppo clones for --bc-fraction of it "
          + "(default: 0, no limit).")
  double minutes;

  @Option(names = "--bc-lr", paramLabel = "X", description = "Learning rate of cloning (default: 1e-3).")
  Double bcLr;

  @Option(names = "--bc-updates", paramLabel = "N",
      description = "Gradient steps of cloning per 32 steps of each of the 8 worlds (default: 16).")
  Integer bcUpdates;

  @Option(names = "--bc-drive", paramLabel = "F",
      description = "Share of the worlds the brain plays itself while cloning, every state labelled by the expert"
          + " (0: behaviour cloning, the expert plays all; 1: DAgger; default: 0, or 1 for --method dagger).")
  Double bcDrive;

  @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "256",
      description = "Held-out episodes of the final evaluation, a multiple of 32 (default: ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to save the brain (default: DATA/brains/gold-METHOD.brain).")
  Path out;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Configuration overrides, e.g. brain.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    GoldTraining.checkPreset(preset); // an unknown preset lists the known ones before anything starts
    if (evalEpisodes < 32 || evalEpisodes % 32 != 0) {
      throw new IllegalArgumentException("--eval-episodes must be a positive multiple of 32; got " + evalEpisodes);
    }
    if (bcDrive != null && !(bcDrive >= 0 && bcDrive <= 1)) {
      throw new IllegalArgumentException("--bc-drive is the share of worlds the brain plays while cloning and must be"
          + " between 0 and 1; got " + bcDrive + "; use e.g. 0.5, or 1 for DAgger");
    }
    VivariumConfig resolved = config(overrides);
    BcConfig b = resolved.learn().bc();
    BcConfig bc = new BcConfig(bcDrive != null ? bcDrive : method.equals("dagger") ? 1 : 0, bcLr != null ? bcLr : b.lr(),
        b.minibatch(), bcUpdates != null ? bcUpdates : b.updates(), b.buffer());
    io.vivarium.core.world.Spec spec = io.vivarium.core.world.Worlds.get("gold").spec(preset);
    Training.Plan plan = new Training.Plan(method, steps, bcFraction, Encoding.forSpec(spec), seed, minutes * 60,
        resolved.learn().withBc(bc));
    BrainConfig c = resolved.brain();
    BrainShape shape = BrainShape.of(brainPreset == null ? c
        : c.withPreset(brainPreset))
        .withGroup(Encoding.group(c.group(), spec));
    Path file = out != null ? out : dataDir().resolve("brains").resolve("gold-" + method.replace('+', '-') + ".brain");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Torch.start(c, dataDir());
    GoldTraining.run(plan, preset, !noCurriculum, shape, evalEpisodes, file, line -> {
      out().println(line);
      out().flush();
    }, progress());
    return 0;
  }
}
